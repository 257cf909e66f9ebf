package io.berth.iam;

import io.berth.store.Paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * IAM list pagination: {@code MaxItems} (default 100) and an opaque {@code Marker} that carries
 * the sort key of the last item returned, so a page resumes after it even if items come and go.
 */
final class IamPaging {

    static final int DEFAULT_MAX_ITEMS = 100;

    private IamPaging() {
    }

    /** One page; {@code marker} is null on the last. */
    record Page<T>(List<T> items, boolean truncated, String marker) {
    }

    /** A page of documents read from the store in id order, filtered by {@code keep}. */
    static <T> Page<T> fromStore(String marker, Integer maxItems, BiFunction<String, Integer, List<T>> fetch,
                                 Predicate<T> keep, Function<T, String> idOf) {
        Paging.Page<T> page = Paging.collect(resumeAfter(marker), limit(maxItems), fetch, keep, idOf);
        return new Page<>(page.items(), page.lastId() != null, page.lastId() == null ? null : encode(page.lastId()));
    }

    /** A page of {@code items}, which must be sorted by {@code keyOf} in natural order. */
    static <T> Page<T> slice(List<T> items, Function<T, String> keyOf, String marker, Integer maxItems) {
        String after = resumeAfter(marker);
        int limit = limit(maxItems);
        List<T> page = new ArrayList<>();
        for (T item : items) {
            if (after != null && keyOf.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                return new Page<>(List.copyOf(page), true, encode(keyOf.apply(page.getLast())));
            }
            page.add(item);
        }
        return new Page<>(List.copyOf(page), false, null);
    }

    private static int limit(Integer maxItems) {
        return maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String resumeAfter(String marker) {
        if (marker == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IamErrors.validation("Invalid Marker.");
        }
    }
}
