package io.berth.ecs;

import io.berth.ecs.model.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECS resource tags: validation as ECS applies it, and merging (a key given again replaces its value). */
final class TagRules {

    static final int MAX_TAGS = 50;

    private TagRules() {
    }

    static List<Tag> validate(List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        for (Tag tag : tags) {
            String key = tag.key();
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw EcsErrors.invalidParameter("Tag keys must be between 1 and 128 characters in length.");
            }
            if (tag.value() != null && tag.value().length() > 256) {
                throw EcsErrors.invalidParameter("Tag values must be between 0 and 256 characters in length.");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw EcsErrors.invalidParameter("Tag keys cannot start with the reserved prefix 'aws:'.");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw EcsErrors.invalidParameter("The number of tags must not exceed " + MAX_TAGS + ".");
        }
        return tags;
    }

    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        for (Tag tag : existing == null ? List.<Tag>of() : existing) {
            byKey.put(tag.key(), tag);
        }
        for (Tag tag : validate(added)) {
            byKey.put(tag.key(), new Tag(tag.key(), tag.value() == null ? "" : tag.value()));
        }
        if (byKey.size() > MAX_TAGS) {
            throw EcsErrors.invalidParameter("The number of tags must not exceed " + MAX_TAGS + ".");
        }
        return List.copyOf(byKey.values());
    }

    static List<Tag> remove(List<Tag> existing, List<String> keys) {
        return (existing == null ? List.<Tag>of() : existing).stream()
                .filter(tag -> keys == null || !keys.contains(tag.key())).toList();
    }
}
