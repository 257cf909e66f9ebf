package io.berth.kit;

import io.berth.store.Paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Opaque page tokens (ECS and Logs {@code nextToken}, EC2 {@code NextToken}, IAM {@code Marker})
 * that carry the sort key of the last item returned, so a page resumes after it even if items
 * come and go. A token that is not one Berth made gets the service's own error.
 *
 * @param invalid the service's error for a token it cannot read, given that token
 */
public record PageTokens(Function<String, ? extends RuntimeException> invalid) {

    /** One page and the token for the next, null on the last. */
    public record Page<T>(List<T> items, String nextToken) {

        public Page {
            items = List.copyOf(items);
        }

        /** Whether more items follow (IAM's {@code IsTruncated}). */
        public boolean truncated() {
            return nextToken != null;
        }
    }

    /** The token that resumes after the item whose sort key is {@code lastKey}. */
    public String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key a token resumes after; null for no token (absent or empty), which starts at the beginning. */
    public String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid.apply(token);
        }
    }

    /**
     * A page of up to {@code limit} items that pass {@code keep}, read from {@code fetch(afterKey,
     * batchSize)} (items in key order) after the position {@code token} names.
     */
    public <T> Page<T> page(String token, int limit, BiFunction<String, Integer, List<T>> fetch, Predicate<T> keep,
                            Function<T, String> keyOf) {
        Paging.Page<T> page = Paging.collect(decode(token), limit, fetch, keep, keyOf);
        return new Page<>(page.items(), page.lastId() == null ? null : encode(page.lastId()));
    }

    /** A page of {@code sorted} (in {@code keyOf} order) after the position {@code token} names. */
    public <T> Page<T> slice(List<T> sorted, Function<T, String> keyOf, String token, int limit) {
        return page(token, limit, over(sorted, keyOf), item -> true, keyOf);
    }

    /** A fetch over items already in memory, sorted by {@code keyOf}. */
    public static <T> BiFunction<String, Integer, List<T>> over(List<T> sorted, Function<T, String> keyOf) {
        return (after, size) -> sorted.stream()
                .filter(item -> after == null || keyOf.apply(item).compareTo(after) > 0)
                .limit(size)
                .toList();
    }
}
