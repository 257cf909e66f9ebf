package io.berth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warm-up in 1 s windows at the highest concurrency until three consecutive windows agree within 5%
 * and neither the server's nor this client's JIT compiler threads were busy in the last one (at
 * least 3 s, at most the given seconds): a JVM server needs far longer than moto, and its rate
 * plateaus for seconds while C2 is still compiling.
 */
final class WarmUp {

    static final double WINDOW_SECONDS = 1;
    static final int STABLE_WINDOWS = 3;
    static final double TOLERANCE = 0.05;
    /** A JIT is quiet when its compiler threads used less than this share of one CPU in a window. */
    static final double JIT_QUIET = 0.05;
    static final String DESCRIPTION = "until 3 x 1 s windows agree within 5% and the JITs are quiet";

    /** One measured window of the load. */
    interface Window {
        Load.Window measure(double seconds) throws InterruptedException;
    }

    private WarmUp() {
    }

    /** Runs windows until the rate settles; the seconds it took. */
    static double run(String label, long serverPid, long clockTicks, double maxSeconds, Window window)
            throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<String> jit = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        double spent = 0;
        while (spent < maxSeconds) {
            long jit0 = Cpu.jitTicks(serverPid) + Cpu.jitTicks(self);
            Load.Window w = window.measure(WINDOW_SECONDS);
            double jitShare = Math.max(0, Cpu.jitTicks(serverPid) + Cpu.jitTicks(self) - jit0) / (double) clockTicks
                    / w.seconds();
            spent += w.seconds();
            if (w.errors() > 0) {
                Stats.progress("  warm-up errors: %d, first: %s", w.errors(), w.firstError());
            }
            rates.add(w.rps());
            jit.add(String.format(Locale.ROOT, "%.0f", 100 * jitShare));
            if (rates.size() >= STABLE_WINDOWS && jitShare < JIT_QUIET) {
                List<Double> last = rates.subList(rates.size() - STABLE_WINDOWS, rates.size());
                double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                if (min > 0 && max / min <= 1 + TOLERANCE) {
                    break;
                }
            }
        }
        Stats.progress("warm-up  %s %4.1f s, 1 s windows: %s req/s, JIT busy %s %%", label, spent,
                rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList(), jit);
        return spent;
    }
}
