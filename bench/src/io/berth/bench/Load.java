package io.berth.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The load loop: {@code concurrency} workers (virtual threads, blocking calls, one connection each,
 * see RawHttp) replay a pool of signed requests back to back for a given time, each timing its own
 * requests.
 */
final class Load {

    private Load() {
    }

    /** A measured window: accepted responses, their latencies (sorted, ns), errors, and whether a server closed. */
    record Window(long ok, long errors, double seconds, long[] sorted, String firstError, boolean closed) {
        double rps() {
            return ok / seconds;
        }

        long p50() {
            return Stats.percentile(sorted, 0.50);
        }

        long p99() {
            return Stats.percentile(sorted, 0.99);
        }
    }

    /** One worker's latencies, in nanoseconds, merged and sorted after the window. */
    static final class Latencies {
        long[] values = new long[1 << 14];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        static long[] sorted(Latencies... parts) {
            int total = 0;
            for (Latencies l : parts) {
                total += l.size;
            }
            long[] all = new long[total];
            int at = 0;
            for (Latencies l : parts) {
                System.arraycopy(l.values, 0, all, at, l.size);
                at += l.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** Runs the load for {@code seconds}; a response counts when {@code accept} holds, else as an error. */
    static Window run(URI endpoint, List<SignedClient.Signed> pool, int concurrency, double seconds,
                      Predicate<RawHttp.Reply> accept) throws InterruptedException {
        Latencies[] samples = new Latencies[concurrency];
        long[] errors = new long[concurrency];
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        Thread[] workers = new Thread[concurrency];
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            samples[w] = new Latencies();
            workers[w] = Thread.ofVirtual().name("bench-" + w).start(() -> {
                Latencies mine = samples[worker];
                int next = worker * 7;
                try (RawHttp connection = new RawHttp(endpoint)) {
                    while (System.nanoTime() < deadline) {
                        byte[] request = pool.get(next++ % pool.size()).wire();
                        long t0 = System.nanoTime();
                        try {
                            RawHttp.Reply response = connection.exchange(request);
                            long elapsed = System.nanoTime() - t0;
                            if (accept.test(response)) {
                                mine.add(elapsed);
                            } else {
                                errors[worker]++;
                                firstError.compareAndSet(null, "HTTP " + response.status() + ": "
                                        + new String(response.body(), StandardCharsets.UTF_8));
                            }
                            if (response.closes()) {
                                closed.set(true);
                            }
                        } catch (IOException | RuntimeException e) {
                            errors[worker]++;
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Latencies.sorted(samples);
        return new Window(sorted.length, Arrays.stream(errors).sum(), elapsed, sorted, firstError.get(), closed.get());
    }

    static boolean ok(RawHttp.Reply response) {
        return response.status() == 200;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
