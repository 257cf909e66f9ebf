package io.berth.kit;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tag rules AWS services share: keys of up to 128 characters, values of up to 256, the
 * {@code aws:} prefix reserved, at most 50 tags a resource, and a tag set again replacing the
 * value of its key. Each service answers a broken rule with its own error, as it does in AWS;
 * a service whose model validation already checks keys and values (IAM, Logs) uses only the
 * merge and its limit.
 *
 * @param <T>      the service's tag type
 * @param shape    how to read and make one
 * @param errors   the service's error for each broken rule
 * @param minKeyLength 1 where an empty key is refused with the key-length error, 0 where it is allowed
 * @param prefixIgnoresCase whether {@code AWS:} is reserved as {@code aws:} is
 * @param keysIgnoreCase whether two keys differing only in case are one key (IAM users and roles)
 */
public record TagPolicy<T>(Shape<T> shape, Errors errors, int minKeyLength, boolean prefixIgnoresCase,
                           boolean keysIgnoreCase) {

    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    public static final int MAX_TAGS = 50;
    public static final String RESERVED_PREFIX = "aws:";

    /** A service's tag type: its key, its value, and a tag made of both. */
    public record Shape<T>(Function<T, String> key, Function<T, String> value, BiFunction<String, String, T> make) {
    }

    /** Map entries as tags, for services whose tags are a map (CloudWatch Logs). */
    public static final Shape<Map.Entry<String, String>> ENTRIES =
            new Shape<>(Map.Entry::getKey, Map.Entry::getValue, Map::entry);

    /**
     * A service's error for each rule; a null one is a rule the service checks elsewhere (in its
     * model validation) and that is not checked here, except a null {@code missingKey}: then a
     * missing key breaks the key-length rule, as in ECS.
     */
    public record Errors(Supplier<? extends RuntimeException> missingKey,
                         Supplier<? extends RuntimeException> keyLength,
                         Supplier<? extends RuntimeException> valueLength,
                         Supplier<? extends RuntimeException> reservedPrefix,
                         Supplier<? extends RuntimeException> tooMany) {

        /** Only the limit of 50 tags, for a service that validates keys and values elsewhere. */
        public static Errors limitOnly(Supplier<? extends RuntimeException> tooMany) {
            return new Errors(null, null, null, null, tooMany);
        }
    }

    /** A policy that checks only the limit on merged tags, keys compared as given or ignoring case. */
    public static <T> TagPolicy<T> limitOnly(Shape<T> shape, Supplier<? extends RuntimeException> tooMany,
                                             boolean keysIgnoreCase) {
        return new TagPolicy<>(shape, Errors.limitOnly(tooMany), 0, false, keysIgnoreCase);
    }

    /** Checks each tag, then the count of the request's tags; null is no tags. */
    public List<T> validate(List<T> tags) {
        if (tags == null) {
            return List.of();
        }
        tags.forEach(this::check);
        if (tags.size() > MAX_TAGS) {
            throw errors.tooMany().get();
        }
        return tags;
    }

    /**
     * {@code existing} with {@code added} set over it, each added tag checked first; a key already
     * present takes the new value (and, ignoring case, the new spelling), a null value becomes "".
     * Refuses a result of more than 50 tags.
     */
    public List<T> merge(Collection<T> existing, Collection<T> added) {
        Map<String, T> byKey = new LinkedHashMap<>();
        for (T tag : existing == null ? List.<T>of() : existing) {
            byKey.put(identity(shape.key().apply(tag)), tag);
        }
        for (T tag : added == null ? List.<T>of() : added) {
            check(tag);
            String value = shape.value().apply(tag);
            byKey.put(identity(shape.key().apply(tag)), shape.make().apply(shape.key().apply(tag),
                    value == null ? "" : value));
        }
        if (byKey.size() > MAX_TAGS) {
            throw errors.tooMany().get();
        }
        return List.copyOf(byKey.values());
    }

    /** {@code existing} without the tags whose keys are named; null names none. */
    public List<T> remove(Collection<T> existing, Collection<String> keys) {
        Set<String> removed = new HashSet<>();
        (keys == null ? List.<String>of() : keys).forEach(key -> removed.add(identity(key)));
        return (existing == null ? List.<T>of() : existing).stream()
                .filter(tag -> !removed.contains(identity(shape.key().apply(tag)))).toList();
    }

    /** The tags as a map from key to value, in their order (the shape of aws:ResourceTag lookups); null is none. */
    public Map<String, String> asMap(Collection<T> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        (tags == null ? List.<T>of() : tags).forEach(tag -> map.put(shape.key().apply(tag), shape.value().apply(tag)));
        return map;
    }

    private void check(T tag) {
        String key = shape.key().apply(tag);
        String value = shape.value().apply(tag);
        if (key == null && errors.missingKey() != null) {
            throw errors.missingKey().get();
        }
        if (errors.keyLength() != null
                && (key == null || key.length() < minKeyLength || key.length() > MAX_KEY_LENGTH)) {
            throw errors.keyLength().get();
        }
        if (errors.valueLength() != null && value != null && value.length() > MAX_VALUE_LENGTH) {
            throw errors.valueLength().get();
        }
        if (errors.reservedPrefix() != null && key != null
                && key.regionMatches(prefixIgnoresCase, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            throw errors.reservedPrefix().get();
        }
    }

    private String identity(String key) {
        return keysIgnoreCase && key != null ? key.toLowerCase(Locale.ROOT) : key;
    }
}
