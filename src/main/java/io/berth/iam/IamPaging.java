package io.berth.iam;

import io.berth.kit.PageTokens;
import io.berth.kit.PageTokens.Page;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * IAM list pagination: {@code MaxItems} (default 100) and an opaque {@code Marker} that carries
 * the sort key of the last item returned, so a page resumes after it even if items come and go.
 */
final class IamPaging {

    private static final int DEFAULT_MAX_ITEMS = 100;
    private static final PageTokens MARKERS = new PageTokens(marker -> IamErrors.validation("Invalid Marker."));

    private IamPaging() {
    }

    /** A page of documents read from the store in id order, filtered by {@code keep}. */
    static <T> Page<T> fromStore(String marker, Integer maxItems, BiFunction<String, Integer, List<T>> fetch,
                                 Predicate<T> keep, Function<T, String> idOf) {
        return MARKERS.page(marker, limit(maxItems), fetch, keep, idOf);
    }

    /** A page of {@code items}, which must be sorted by {@code keyOf} in natural order. */
    static <T> Page<T> slice(List<T> items, Function<T, String> keyOf, String marker, Integer maxItems) {
        return MARKERS.slice(items, keyOf, marker, limit(maxItems));
    }

    private static int limit(Integer maxItems) {
        return maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    }
}
