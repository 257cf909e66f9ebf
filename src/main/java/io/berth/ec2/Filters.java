package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Filter;
import io.berth.store.StoredTag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * EC2's {@code Filter.N} for one resource type: every filter must match, a filter matching when
 * the resource has any of its values ({@code *} and {@code ?} are wildcards, {@code \} escapes
 * them). A resource type with tags takes {@code tag:KEY}, {@code tag-key} and {@code tag-value}.
 * A filter name the resource type does not know is an error, as in EC2; one about something
 * Berth's resources never have (an IPv6 block, an Outpost) is accepted and matches nothing, which
 * is what EC2 answers for resources without it.
 */
final class Filters<T> {

    private static final String TAG_PREFIX = "tag:";

    private final Map<String, Function<T, List<String>>> fields;
    private final Function<T, List<StoredTag>> tags;

    private Filters(Map<String, Function<T, List<String>>> fields, Function<T, List<StoredTag>> tags) {
        this.fields = Map.copyOf(fields);
        this.tags = tags;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    static final class Builder<T> {
        private final Map<String, Function<T, List<String>>> fields = new LinkedHashMap<>();
        private Function<T, List<StoredTag>> tags;

        /** A filter on one value; a null value matches nothing. */
        Builder<T> field(String name, Function<T, String> value) {
            return fields(name, t -> {
                String v = value.apply(t);
                return v == null ? List.of() : List.of(v);
            });
        }

        Builder<T> fields(String name, Function<T, List<String>> values) {
            if (fields.putIfAbsent(name, values) != null) {
                throw new IllegalStateException("filter " + name + " defined twice");
            }
            return this;
        }

        /** A true/false filter such as {@code is-default}. */
        Builder<T> flag(String name, Predicate<T> value) {
            return field(name, t -> Boolean.toString(value.test(t)));
        }

        /** Filters on what no resource of the type has in Berth: accepted, they match nothing. */
        Builder<T> absent(String... names) {
            for (String name : names) {
                fields(name, t -> List.of());
            }
            return this;
        }

        /**
         * Another name EC2 takes for the filter {@code name}: most are the lowerCamel names of
         * EC2's first filters (such as {@code isDefault}), which clients like Terraform still send.
         */
        Builder<T> alias(String alias, String name) {
            Function<T, List<String>> field = fields.get(name);
            if (field == null) {
                throw new IllegalStateException("alias " + alias + " of unknown filter " + name);
            }
            return fields(alias, field);
        }

        /** The resource's tags, for {@code tag:KEY}, {@code tag-key} and {@code tag-value}. */
        Builder<T> tags(Function<T, List<StoredTag>> resourceTags) {
            this.tags = resourceTags;
            fields("tag-key", t -> resourceTags.apply(t).stream().map(StoredTag::key).toList());
            return fields("tag-value", t -> resourceTags.apply(t).stream().map(StoredTag::value).toList());
        }

        Filters<T> build() {
            return new Filters<>(fields, tags);
        }
    }

    /** Whether a resource passes every filter; checks the filter names first. */
    Predicate<T> matcher(List<Filter> filters) {
        List<Predicate<T>> tests = new ArrayList<>();
        for (Filter filter : filters) {
            List<Glob> patterns = filter.values().stream().map(Glob::of).toList();
            tests.add(test(filter.name(), patterns));
        }
        return resource -> tests.stream().allMatch(t -> t.test(resource));
    }

    private Predicate<T> test(String name, List<Glob> patterns) {
        if (name == null) {
            throw Ec2Errors.missingParameter("Filter.Name");
        }
        if (tags != null && name.startsWith(TAG_PREFIX)) {
            String key = name.substring(TAG_PREFIX.length());
            return resource -> tags.apply(resource).stream()
                    .anyMatch(tag -> tag.key().equals(key) && matchesAny(patterns, tag.value()));
        }
        Function<T, List<String>> field = fields.get(name);
        if (field == null) {
            throw Ec2Errors.invalidFilter(name);
        }
        return resource -> field.apply(resource).stream().anyMatch(value -> matchesAny(patterns, value));
    }

    private static boolean matchesAny(List<Glob> patterns, String value) {
        return patterns.stream().anyMatch(p -> p.matches(value));
    }

    /**
     * A filter value as a wildcard pattern: {@code *} any run of characters, {@code ?} one,
     * {@code \} takes the next literally. Matched by a scan that backtracks only to the last
     * {@code *} (at most pattern length times value length steps), not by a regular expression:
     * EC2 sets no length on filter values, and compiling a value of megabytes into a regex took
     * minutes.
     *
     * @param codePoints the pattern's characters; {@link #ANY_RUN} and {@link #ANY_ONE} for the wildcards
     */
    private record Glob(int[] codePoints) {
        static final int ANY_RUN = -1;
        static final int ANY_ONE = -2;

        static Glob of(String value) {
            int[] chars = value.codePoints().toArray();
            int[] pattern = new int[chars.length];
            int n = 0;
            for (int i = 0; i < chars.length; i++) {
                int c = chars[i];
                if (c == '\\' && i + 1 < chars.length) {
                    pattern[n++] = chars[++i];
                } else {
                    pattern[n++] = c == '*' ? ANY_RUN : c == '?' ? ANY_ONE : c;
                }
            }
            return new Glob(Arrays.copyOf(pattern, n));
        }

        boolean matches(String value) {
            int[] text = value.codePoints().toArray();
            int p = 0;
            int t = 0;
            int star = -1;
            int starText = 0;
            while (t < text.length) {
                if (p < codePoints.length && (codePoints[p] == ANY_ONE || codePoints[p] == text[t])) {
                    p++;
                    t++;
                } else if (p < codePoints.length && codePoints[p] == ANY_RUN) {
                    star = p++;
                    starText = t;
                } else if (star >= 0) {
                    // The last * takes one more character; what follows it starts again there.
                    p = star + 1;
                    t = ++starText;
                } else {
                    return false;
                }
            }
            while (p < codePoints.length && codePoints[p] == ANY_RUN) {
                p++;
            }
            return p == codePoints.length;
        }
    }
}
