package io.berth.ecs;

import io.berth.store.Paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** ECS list pagination: {@code maxResults} bounds and opaque {@code nextToken}s that carry the last id returned. */
final class Pagination {

    private Pagination() {
    }

    static int maxResults(Integer requested, int defaultValue) {
        if (requested == null) {
            return defaultValue;
        }
        if (requested < 1 || requested > 100) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        }
        return requested;
    }

    static String token(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which to resume, or null for the first page. */
    static String resumeAfter(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw EcsErrors.invalidParameter("Invalid token " + token);
        }
    }

    /** One page of results and the token for the next, null on the last page. */
    record Page<T>(List<T> items, String nextToken) {
    }

    /** A page of what {@code fetch} yields after the position {@code nextToken} names. */
    static <T> Page<T> collect(String nextToken, int limit, BiFunction<String, Integer, List<T>> fetch,
                               Predicate<T> keep, Function<T, String> idOf) {
        Paging.Page<T> page = Paging.collect(resumeAfter(nextToken), limit, fetch, keep, idOf);
        return new Page<>(page.items(), page.lastId() == null ? null : token(page.lastId()));
    }
}
