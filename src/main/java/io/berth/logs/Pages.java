package io.berth.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Listing pagination over id-ordered documents: a page of items and the token to resume after it. */
final class Pages {

    private Pages() {
    }

    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * Reads batches from {@code fetch(afterId, batchSize)} until {@code limit} items pass
     * {@code keep}, so filters the store cannot apply still give full pages.
     */
    static <T> Page<T> collect(String nextToken, int limit, BiFunction<String, Integer, List<T>> fetch,
                               Predicate<T> keep, Function<T, String> idOf) {
        String after = Tokens.pageResume(nextToken);
        int batchSize = Math.max(limit + 1, 100);
        List<T> kept = new ArrayList<>();
        while (kept.size() <= limit) {
            List<T> batch = fetch.apply(after, batchSize);
            for (T item : batch) {
                if (keep.test(item)) {
                    kept.add(item);
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            after = idOf.apply(batch.getLast());
        }
        if (kept.size() <= limit) {
            return new Page<>(kept, null);
        }
        List<T> page = List.copyOf(kept.subList(0, limit));
        return new Page<>(page, Tokens.page(idOf.apply(page.getLast())));
    }
}
