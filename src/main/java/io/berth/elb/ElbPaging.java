package io.berth.elb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Marker and PageSize paging of ELBv2's Describe calls: a marker carries the sort key of the last
 * item returned, so a page resumes after it even when items come and go; PageSize is 1 to 400.
 */
final class ElbPaging {

    static final int MAX_PAGE_SIZE = 400;

    /** One page and the marker of the next, null on the last. */
    record Page<T>(List<T> items, String nextMarker) {
    }

    private ElbPaging() {
    }

    /** A page of {@code sorted} (in {@code keyOf} order) after the position {@code marker} names. */
    static <T> Page<T> page(List<T> sorted, Function<T, String> keyOf, String marker, Integer pageSize) {
        int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ElbErrors.constraint(size, "pageSize", "Member must have value "
                    + (size < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_PAGE_SIZE));
        }
        String after = decode(marker);
        List<T> rest = after == null ? sorted : sorted.stream().filter(t -> keyOf.apply(t).compareTo(after) > 0).toList();
        if (rest.size() <= size) {
            return new Page<>(List.copyOf(rest), null);
        }
        List<T> items = List.copyOf(rest.subList(0, size));
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(keyOf.apply(items.getLast()).getBytes(StandardCharsets.UTF_8)));
    }

    private static String decode(String marker) {
        if (marker == null || marker.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ElbErrors.validation("Invalid marker '" + marker + "'");
        }
    }
}
