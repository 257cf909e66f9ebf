package io.berth.iam;

import io.berth.iam.model.IamShapes.Tag;
import io.berth.kit.TagPolicy;

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

    private static final TagPolicy.Shape<Tag> SHAPE = new TagPolicy.Shape<>(Tag::key, Tag::value, Tag::new);
    private static final Comparator<Tag> ORDER = Comparator.<Tag>comparingInt(t -> t.key().length()).thenComparing(Tag::key);

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
    static List<Tag> merge(List<Tag> current, List<Tag> added, String quota, boolean caseInsensitive) {
        return sorted(policy(quota, caseInsensitive).merge(current, added));
    }

    static List<Tag> remove(List<Tag> current, List<String> keys, boolean caseInsensitive) {
        return sorted(policy(null, caseInsensitive).remove(current, keys));
    }

    /** Keys and values are checked by {@link Violations}; here only the limit of 50, named by its quota. */
    private static TagPolicy<Tag> policy(String quota, boolean caseInsensitive) {
        return TagPolicy.limitOnly(SHAPE, () -> IamErrors.quota(quota, TagPolicy.MAX_TAGS), caseInsensitive);
    }

    static List<Tag> sorted(Collection<Tag> tags) {
        List<Tag> out = new ArrayList<>(tags);
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** The sort key a tag list is paged by. */
    static String pageKey(Tag tag) {
        return "%03d".formatted(tag.key().length()) + tag.key();
    }
}
