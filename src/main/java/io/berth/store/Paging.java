package io.berth.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** Pages over id-ordered documents, with filters the store itself cannot apply. */
public final class Paging {

    private Paging() {
    }

    /** One page and the id of its last item when more follow (null on the last page). */
    public record Page<T>(List<T> items, String lastId) {
    }

    /**
     * Reads batches from {@code fetch(afterId, batchSize)} from {@code afterId} on until
     * {@code limit} items pass {@code keep}, so filtered listings still give full pages.
     */
    public static <T> Page<T> collect(String afterId, int limit, BiFunction<String, Integer, List<T>> fetch,
                                      Predicate<T> keep, Function<T, String> idOf) {
        String after = afterId;
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
        return new Page<>(page, idOf.apply(page.getLast()));
    }
}
