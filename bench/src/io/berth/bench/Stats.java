package io.berth.bench;

import java.util.List;
import java.util.Locale;

/** Percentiles (nearest rank), milliseconds and progress lines: what every report uses. */
final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile of sorted samples, {@code fraction} in (0, 1]; 0 when there are none. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    /** Nearest-rank percentile of a sorted list, {@code fraction} in (0, 1]; 0 when it is empty. */
    static long percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.min(sorted.size(), Math.max(rank, 1)) - 1);
    }

    static long median(List<Long> values) {
        return percentile(values.stream().sorted().toList(), 0.50);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A progress line on stderr; the report goes to stdout. */
    static void progress(String format, Object... values) {
        System.err.println("bench: " + String.format(Locale.ROOT, format, values));
    }
}
