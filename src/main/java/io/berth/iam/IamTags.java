package io.berth.iam;

import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.UserMessages.TagsResult;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.TagPolicy;
import io.berth.store.StoredTag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tags of users, roles and policies. Keys are unique ignoring case: a new tag replaces the
 * one whose key differs only in case, and takes its spelling. IAM lists tags shortest key first,
 * then alphabetically, and so are they kept.
 */
final class IamTags {

    private static final TagPolicy.Shape<StoredTag> SHAPE =
            new TagPolicy.Shape<>(StoredTag::key, StoredTag::value, StoredTag::new);
    private static final Comparator<StoredTag> ORDER =
            Comparator.<StoredTag>comparingInt(t -> t.key().length()).thenComparing(StoredTag::key);

    private IamTags() {
    }

    /** Refuses a request that names a key twice. */
    static void requireDistinct(List<Tag> tags, boolean caseInsensitive) {
        if (tags == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            if (!seen.add(caseInsensitive ? tag.key().toLowerCase(Locale.ROOT) : tag.key())) {
                throw IamErrors.duplicateTagKeys(caseInsensitive);
            }
        }
    }

    /**
     * {@code current} with {@code added} set over it, limited to 50 tags in all. Users and roles
     * match keys ignoring case; managed policies keep keys that differ only in case apart.
     */
    static List<StoredTag> merge(List<StoredTag> current, List<Tag> added, String quota, boolean caseInsensitive) {
        List<StoredTag> stored = added == null ? null
                : added.stream().map(tag -> new StoredTag(tag.key(), tag.value())).toList();
        return sorted(policy(quota, caseInsensitive).merge(current, stored));
    }

    static List<StoredTag> remove(List<StoredTag> current, List<String> keys, boolean caseInsensitive) {
        return sorted(policy(null, caseInsensitive).remove(current, keys));
    }

    /** Keys and values are checked by {@link Violations}; here only the limit of 50, named by its quota. */
    private static TagPolicy<StoredTag> policy(String quota, boolean caseInsensitive) {
        return TagPolicy.limitOnly(SHAPE, () -> IamErrors.quota(quota, TagPolicy.MAX_TAGS), caseInsensitive);
    }

    static List<StoredTag> sorted(Collection<StoredTag> tags) {
        List<StoredTag> out = new ArrayList<>(tags);
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** One page of an entity's tags, as ListUserTags, ListRoleTags and ListPolicyTags answer. */
    static TagsResult page(List<StoredTag> tags, String marker, Integer maxItems) {
        Page<StoredTag> page = IamPaging.slice(tags, IamTags::pageKey, marker, maxItems);
        return new TagsResult(wire(page.items()), page.truncated(), page.nextToken());
    }

    /** The sort key a tag list is paged by. */
    private static String pageKey(StoredTag tag) {
        return "%03d".formatted(tag.key().length()) + tag.key();
    }

    /** Stored tags as IAM answers them. */
    static List<Tag> wire(List<StoredTag> tags) {
        return tags.stream().map(tag -> new Tag(tag.key(), tag.value())).toList();
    }
}
