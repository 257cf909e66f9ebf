package io.berth.bench;

import io.berth.edge.HostileRequests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * bench/run fuzz: starts a Berth (no container engine) and sends it generated malformed requests
 * (io.berth.edge.HostileRequests of the test sources, the generator of HostileInputIT: broken and
 * deeply nested JSON, wrong types, huge and truncated bodies, invalid UTF-8, bad or forged
 * signatures, odd methods, paths and content types; JSON 1.1, Query and EC2) from --concurrency
 * virtual threads, until --requests are sent or --seconds have passed. Prints counts by status, the
 * problems found (dropped connections, statuses of 500 or more, error bodies not in their protocol's
 * shape) with the seed of each offending request, and how many ERROR lines Berth logged. Exit status
 * 0 when there was no problem and no ERROR line.
 */
final class FuzzBench {

    private static final String ACCESS_KEY_ID = "AKIABERTHBENCH000003";
    private static final String SECRET_ACCESS_KEY = "berthBenchSecretKey0000000000000000000003";

    private FuzzBench() {
    }

    static int run(String[] argv) throws Exception {
        Map<String, String> options = Args.parse(argv);
        Path work = Path.of(Args.require(options, "work"));
        Path jar = Path.of(Args.require(options, "jar"));
        try (Server berth = Server.berth("berth", new Server.Berth(jar, List.of(), List.of(),
                Map.of("BERTH_ACCESS_KEY_ID", ACCESS_KEY_ID, "BERTH_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)), work)) {
            int status = fuzz(options, URI.create(berth.url));
            long errors = Files.readAllLines(berth.log).stream().filter(l -> l.contains(" ERROR ")).count();
            System.out.printf("Berth logged %d ERROR lines%n", errors);
            return status == 0 && errors == 0 ? 0 : 1;
        }
    }

    private static int fuzz(Map<String, String> options, URI endpoint) throws Exception {
        long total = Long.parseLong(options.getOrDefault("requests", "1000000"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "1800"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime())));
        HostileRequests requests = new HostileRequests(endpoint, ACCESS_KEY_ID,
                SECRET_ACCESS_KEY, options.getOrDefault("region", "us-east-1"));

        AtomicLong next = new AtomicLong();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        LongAdder problemCount = new LongAdder();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        System.err.printf("fuzz: seed %d, up to %d requests in %d s, %d connections at a time%n",
                seed, total, seconds, concurrency);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < concurrency; worker++) {
                executor.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        HostileRequests.Wire request = requests.generate(seed + n);
                        String problem;
                        int status;
                        try {
                            HostileRequests.Answer answer = requests.send(request, 10_000);
                            status = answer.status();
                            problem = HostileRequests.problem(request, answer);
                        } catch (Exception e) {
                            status = -2;
                            problem = e.toString();
                        }
                        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (problem != null) {
                            problemCount.increment();
                            if (problems.size() < 20) {
                                problems.add("request seed " + (seed + n) + " (" + request.kind() + "): "
                                        + (problem.length() > 300 ? problem.substring(0, 300) + "…" : problem));
                            }
                        }
                        if (n > 0 && n % 100_000 == 0) {
                            System.err.printf("fuzz: %d sent after %.0f s%n", n, (System.nanoTime() - started) / 1e9);
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long sent = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("seed %d: %d requests in %.1f s (%.0f/s), %d problems%n", seed, sent, elapsed, sent / elapsed,
                problemCount.sum());
        if (sent < total) {
            System.out.printf("stopped by the time bound: %d requests would take about %.0f s at this rate "
                    + "(BENCH_SECONDS sets the bound)%n", total, total / (sent / elapsed));
        }
        System.out.println("status  count   (-1: closed with no answer, -2: no answer in time or connect failed)");
        new TreeMap<>(byStatus).forEach((status, count) -> System.out.printf("%6d  %d%n", status, count.sum()));
        problems.forEach(p -> System.out.println("problem: " + p));
        return problemCount.sum() == 0 ? 0 : 1;
    }
}
