package io.berth.logs;

import io.berth.store.Paging;

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

    /** A page of what {@code fetch} yields after the position {@code nextToken} names. */
    static <T> Page<T> collect(String nextToken, int limit, BiFunction<String, Integer, List<T>> fetch,
                               Predicate<T> keep, Function<T, String> idOf) {
        Paging.Page<T> page = Paging.collect(Tokens.pageResume(nextToken), limit, fetch, keep, idOf);
        return new Page<>(page.items(), page.lastId() == null ? null : Tokens.page(page.lastId()));
    }
}
