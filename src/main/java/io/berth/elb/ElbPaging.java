package io.berth.elb;

import io.berth.kit.PageTokens;

import java.util.List;
import java.util.function.Function;

/** Marker and PageSize paging of ELBv2's Describe calls, PageSize 1 to 400, on the kit's page tokens. */
final class ElbPaging {

    static final int MAX_PAGE_SIZE = 400;
    private static final PageTokens MARKERS = new PageTokens(marker -> ElbErrors.validation("Invalid marker '" + marker + "'"));

    private ElbPaging() {
    }

    /** A page of {@code sorted} (in {@code keyOf} order) after the position {@code marker} names. */
    static <T> PageTokens.Page<T> page(List<T> sorted, Function<T, String> keyOf, String marker, Integer pageSize) {
        int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ElbErrors.constraint(size, "pageSize", "Member must have value "
                    + (size < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_PAGE_SIZE));
        }
        return MARKERS.slice(sorted, keyOf, marker, size);
    }
}
