package io.berth.ecs;

import io.berth.ecs.model.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags a request asks for, as IAM condition keys: aws:RequestTag/KEY and aws:TagKeys. */
final class RequestTags {

    private RequestTags() {
    }

    static Map<String, List<String>> keys(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (tag.key() != null) {
                keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value() == null ? "" : tag.value()));
            }
        }
        keys.put("aws:TagKeys", tags.stream().map(Tag::key).filter(java.util.Objects::nonNull).toList());
        return keys;
    }
}
