package io.berth.bench;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.berth.bench.Args.require;
import static io.berth.bench.Stats.ms;
import static io.berth.bench.Stats.progress;

/*
 * bench/run api: DescribeTaskDefinition and ListTaskDefinitions against Berth and against moto (the
 * baseline), SigV4-signed, over HTTP/1.1 keep-alive, at several concurrencies; then Berth's cold
 * start: the throughput of a freshly started Berth in its first seconds against its warm figure,
 * without and with the ahead-of-time cache bin/berth trains at build time.
 *
 *   Bench api --jar BERTH_JAR --work DIR [--aot-cache FILE] [--warmup 25 --duration 8 --concurrency 1,8]
 *             [--ops DescribeTaskDefinition,ListTaskDefinitions] [--cold-runs 2 --cold-seconds 10] [--jfr FILE] [--clock-ticks 100 --cpus 2 --cpu-model TEXT
 *             --versions TEXT]
 *
 * Starts Berth (fixed keys, its own data dir) and moto on free ports, seeds both with the same task
 * definitions and checks they answer alike. Requests are signed shortly before each measurement and
 * replayed from a pool of 64 (see SignedClient) over one connection per worker (RawHttp); warm-up as
 * WarmUp says. moto's server (werkzeug)
 * answers every request with Connection: close; the client still offers keep-alive to both, and the
 * table says which server kept it. With --jfr, Berth records a JFR profile (settings=profile) from
 * its first healthy answer until the warm measurements end.
 * Cold start: Berth is stopped, then started again --cold-runs times per variant, alternating (no
 * cache, cache, no cache, ...), each with a fresh data dir; once healthy and seeded, DescribeTaskDefinition
 * runs at the highest concurrency for --cold-seconds in 1 s windows, against the warm row measured
 * before. The cache variant runs with -XX:AOTMode=on, so a cache the JVM cannot use fails the run
 * instead of measuring a JVM without it.
 * The table goes to stdout, progress to stderr; exit status 0 when every request answered 200.
 */
final class ApiBench {

    static final String ACCESS_KEY_ID = "AKIABERTHBENCH000001";
    static final String SECRET_ACCESS_KEY = "berthBenchSecretKey0000000000000000000001";
    static final AwsCredentialsIdentity KEYS = AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    static final String REGION = "us-east-1";
    static final int POOL_SIZE = 64;

    /** The targets before issue 11, judged at the highest concurrency (every row for the ratio). */
    static final double TARGET_RPS = 2500;
    static final double TARGET_P99_MS = 10;
    static final double TARGET_RATIO = 5;
    /** Issue 11's targets for DescribeTaskDefinition at the highest concurrency, and for a cold start. */
    static final double TARGET_DESCRIBE_RATIO = 40;
    static final double TARGET_DESCRIBE_P99_MS = 5;
    static final double TARGET_COLD_SHARE = 0.80;

    /** The data set: "bench" with several revisions, plus other families. */
    static final int BENCH_REVISIONS = 5;
    static final List<String> OTHER_FAMILIES = List.of("web", "worker", "batch");
    static final int OTHER_REVISIONS = 2;
    static final int TOTAL_REVISIONS = BENCH_REVISIONS + OTHER_FAMILIES.size() * OTHER_REVISIONS;

    /** A server under load: its client, its process, and what was noticed about it. */
    record Target(String name, SignedClient client, long pid, Map<String, String> notes) {
    }

    /** An operation and the request bodies its pool cycles through. */
    record Op(String name, List<String> bodies) {
    }

    static final Op DESCRIBE = new Op("DescribeTaskDefinition", describeBodies());
    static final Op LIST = new Op("ListTaskDefinitions", List.of("{\"familyPrefix\":\"bench\"}", "{}"));

    record Result(String target, String op, int concurrency, Load.Window window, double serverCpuMicrosPerRequest,
                  double clientCpuMicrosPerRequest, double otherLoad) {
        double rps() {
            return window.rps();
        }
    }

    /** One cold start: until healthy, and each 1 s window's rate after seeding. */
    record Cold(String variant, long startNanos, List<Double> rates, long ok, long errors, double seconds) {
        double rps() {
            return ok / seconds;
        }
    }

    final Cpu cpu;
    final int cpus;
    /** Every server process, to tell their CPU use from that of the rest of the machine. */
    final List<Long> serverPids = new ArrayList<>();

    ApiBench(Cpu cpu, int cpus) {
        this.cpu = cpu;
        this.cpus = cpus;
    }

    static int run(String[] argv) throws Exception {
        Map<String, String> args = Args.parse(argv);
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "25"));
        double duration = Double.parseDouble(args.getOrDefault("duration", "8"));
        int[] concurrencies = Args.integers(args, "concurrency", "1,8");
        int top = java.util.Arrays.stream(concurrencies).max().orElse(1);
        Path work = Path.of(require(args, "work"));
        Path jar = Path.of(require(args, "jar"));
        Path aotCache = args.containsKey("aot-cache") ? Path.of(args.get("aot-cache")) : null;
        ApiBench bench = new ApiBench(new Cpu(Long.parseLong(args.getOrDefault("clock-ticks", "100"))), Args.cpus(args));
        List<String> only = List.of(args.getOrDefault("ops", DESCRIBE.name() + "," + LIST.name()).split(","));
        List<Op> ops = java.util.stream.Stream.of(DESCRIBE, LIST).filter(op -> only.contains(op.name())).toList();
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("--ops names none of " + DESCRIBE.name() + ", " + LIST.name());
        }

        List<Result> results = new ArrayList<>();
        Map<String, Double> warmups = new HashMap<>();
        List<Target> targets;
        try (Server berth = Server.berth("berth", berth(jar, aotCache, false), work);
             Server moto = Server.moto(work)) {
            progress("Berth pid %d at %s (healthy after %.1f s), moto pid %d at %s", berth.pid(), berth.url,
                    berth.startNanos / 1e9, moto.pid(), moto.url);
            if (args.containsKey("jfr")) {
                berth.startJfr(Path.of(args.get("jfr")));
            }
            targets = List.of(target("Berth", berth), target("moto", moto));
            for (Target target : targets) {
                bench.serverPids.add(target.pid());
                seed(target);
            }
            for (Op op : ops) {
                for (Target target : targets) {
                    warmups.put(target.name() + "/" + op.name(), WarmUp.run(
                            String.format(Locale.ROOT, "%-6s %-22s c=%d", target.name(), op.name(), top),
                            target.pid(), bench.cpu.clockTicks, warmup, s -> bench.measure(target, op, top, s).window()));
                }
                for (int concurrency : concurrencies) {
                    for (Target target : targets) {
                        Result r = bench.measure(target, op, concurrency, duration);
                        progress("measured %-6s %-22s c=%d %8.1f req/s p50 %.2f ms p99 %.2f ms errors %d",
                                target.name(), op.name(), concurrency, r.rps(), ms(r.window().p50()),
                                ms(r.window().p99()), r.window().errors());
                        if (r.window().errors() > 0) {
                            progress("  first error: %s", r.window().firstError());
                        }
                        results.add(r);
                    }
                }
            }
            if (args.containsKey("jfr")) {
                berth.stopJfr();
                progress("Berth's JFR recording is in %s", args.get("jfr"));
            }
        }

        int coldRuns = Integer.parseInt(args.getOrDefault("cold-runs", "2"));
        double coldSeconds = Double.parseDouble(args.getOrDefault("cold-seconds", "10"));
        List<Cold> colds = new ArrayList<>();
        List<String> variants = new ArrayList<>(List.of("no AOT cache"));
        if (aotCache != null && Files.isRegularFile(aotCache)) {
            variants.add("AOT cache");
        } else {
            progress("no AOT cache (%s): the cold start is measured without one only", aotCache);
        }
        for (int run = 0; run < coldRuns; run++) {
            for (String variant : variants) {
                colds.add(bench.cold(variant, berth(jar, aotCache, variant.equals("AOT cache")), work,
                        "cold-" + run + "-" + (variant.equals("AOT cache") ? "aot" : "jit"), top, coldSeconds));
            }
        }

        report(results, targets, ops, concurrencies, args, duration, warmups, colds, coldSeconds);
        boolean anyErrors = results.stream().anyMatch(r -> r.window().errors() > 0 || r.window().ok() == 0)
                || colds.stream().anyMatch(c -> c.errors() > 0 || c.ok() == 0);
        return anyErrors ? 2 : 0;
    }

    /** How to start Berth; with the cache, the JVM must use it (AOTMode=on) or fail. */
    static Server.Berth berth(Path jar, Path aotCache, boolean mustUseCache) {
        List<String> jvm = new ArrayList<>();
        if (aotCache != null && Files.isRegularFile(aotCache)) {
            jvm.add("-XX:AOTCache=" + aotCache);
            if (mustUseCache) {
                jvm.add("-XX:AOTMode=on");
            }
        }
        return new Server.Berth(jar, jvm, List.of(),
                Map.of("BERTH_ACCESS_KEY_ID", ACCESS_KEY_ID, "BERTH_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY));
    }

    static Target target(String name, Server server) {
        return new Target(name, new SignedClient(server.url), server.pid(), new HashMap<>());
    }

    static List<String> describeBodies() {
        List<String> bodies = new ArrayList<>();
        for (int revision = 1; revision <= BENCH_REVISIONS; revision++) {
            bodies.add("{\"taskDefinition\":\"bench:" + revision + "\"}");
        }
        bodies.add("{\"taskDefinition\":\"bench\"}"); // the latest ACTIVE revision
        return bodies;
    }

    // ---------------------------------------------------------------------------------- data set

    /** Registers the task definitions every measurement reads, and checks both targets answer alike. */
    static void seed(Target target) throws IOException, InterruptedException {
        progress("seeding  %-6s %s: %d revisions of 'bench', %d of each of %s", target.name(), target.client().endpoint,
                BENCH_REVISIONS, OTHER_REVISIONS, OTHER_FAMILIES);
        for (int revision = 1; revision <= BENCH_REVISIONS; revision++) {
            expectRevision(target, call(target, "RegisterTaskDefinition", registration("bench", revision)), revision);
        }
        for (String family : OTHER_FAMILIES) {
            for (int revision = 1; revision <= OTHER_REVISIONS; revision++) {
                expectRevision(target, call(target, "RegisterTaskDefinition", registration(family, revision)), revision);
            }
        }
        int all = count(call(target, "ListTaskDefinitions", "{}"), "arn:aws:ecs:");
        int bench = count(call(target, "ListTaskDefinitions", "{\"familyPrefix\":\"bench\"}"), "arn:aws:ecs:");
        if (all != TOTAL_REVISIONS || bench != BENCH_REVISIONS) {
            throw new IllegalStateException(target.name() + ": ListTaskDefinitions found " + all + " revisions ("
                    + bench + " of 'bench'), expected " + TOTAL_REVISIONS + " (" + BENCH_REVISIONS
                    + "); is the target fresh?");
        }
        expectRevision(target, call(target, "DescribeTaskDefinition", "{\"taskDefinition\":\"bench\"}"), BENCH_REVISIONS);
    }

    static String registration(String family, int revision) {
        return """
                {"family":"%s","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512",\
                "containerDefinitions":[{"name":"app","image":"public.ecr.aws/docker/library/busybox:latest",\
                "essential":true,"command":["httpd","-f","-p","8080"],\
                "portMappings":[{"containerPort":8080,"protocol":"tcp"}],\
                "environment":[{"name":"REVISION","value":"%d"}]}]}"""
                .formatted(family, revision);
    }

    static void expectRevision(Target target, String body, int revision) {
        Matcher m = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find() || Integer.parseInt(m.group(1)) != revision) {
            throw new IllegalStateException(target.name() + ": expected revision " + revision + " in " + body);
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** One signed request, which must answer 200; its body. Notes whether the server kept the connection. */
    static String call(Target target, String operation, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = target.client().send(target.client().ecs(KEYS, REGION, operation, body));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(target.name() + " " + operation + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        target.notes().merge("keep-alive", SignedClient.closes(response) ? "no (answers Connection: close)" : "yes",
                (a, b) -> a.equals(b) ? a : "partly");
        return response.body();
    }

    static List<SignedClient.Signed> pool(Target target, Op op) {
        List<SignedClient.Signed> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(target.client().ecs(KEYS, REGION, op.name(), op.bodies().get(i % op.bodies().size())));
        }
        return pool;
    }

    // ---------------------------------------------------------------------------------- load

    /** {@code concurrency} workers replay freshly signed requests for {@code seconds}. */
    Result measure(Target target, Op op, int concurrency, double seconds) throws InterruptedException {
        List<SignedClient.Signed> pool = pool(target, op);
        Cpu.Snapshot before = cpu.snapshot(target.pid(), serverPids);
        Load.Window w = Load.run(target.client().endpoint, pool, concurrency, seconds, Load::ok);
        Cpu.Usage used = Cpu.between(before, cpu.snapshot(target.pid(), serverPids));
        double serverCpuMicros = used.serverTicks() < 0 || w.ok() == 0 ? Double.NaN
                : used.serverTicks() * 1e6 / cpu.clockTicks / w.ok();
        double clientCpuMicros = used.clientNanos() < 0 || w.ok() == 0 ? Double.NaN : used.clientNanos() / 1e3 / w.ok();
        return new Result(target.name(), op.name(), concurrency, w, serverCpuMicros, clientCpuMicros,
                cpu.otherSeconds(used) / w.seconds() / cpus);
    }

    /** A fresh Berth: started, seeded, then DescribeTaskDefinition for {@code seconds} in 1 s windows; stopped. */
    Cold cold(String variant, Server.Berth how, Path work, String name, int concurrency, double seconds)
            throws IOException, InterruptedException {
        try (Server berth = Server.berth(name, how, work)) {
            Target target = target("Berth", berth);
            seed(target);
            List<Double> rates = new ArrayList<>();
            long ok = 0;
            long errors = 0;
            double spent = 0;
            while (spent < seconds - 1e-9) {
                Load.Window w = Load.run(target.client().endpoint, pool(target, DESCRIBE), concurrency,
                        Math.min(1, seconds - spent), Load::ok);
                rates.add(w.rps());
                ok += w.ok();
                errors += w.errors();
                spent += w.seconds();
                if (w.errors() > 0) {
                    progress("  cold errors: %d, first: %s", w.errors(), w.firstError());
                }
            }
            Cold cold = new Cold(variant, berth.startNanos, rates, ok, errors, spent);
            progress("cold     %-12s healthy after %.2f s; first %.0f s: %.0f req/s, 1 s windows %s", variant,
                    berth.startNanos / 1e9, spent, cold.rps(),
                    rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
            return cold;
        }
    }

    // ---------------------------------------------------------------------------------- report

    static void report(List<Result> results, List<Target> targets, List<Op> ops, int[] concurrencies,
                       Map<String, String> args, double duration, Map<String, Double> warmups, List<Cold> colds,
                       double coldSeconds) {
        Map<String, Result> byKey = new HashMap<>();
        for (Result r : results) {
            byKey.put(r.target() + "/" + r.op() + "/" + r.concurrency(), r);
        }
        StringBuilder out = new StringBuilder();
        String cpus = args.getOrDefault("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        out.append('\n').append("Berth vs moto: SigV4-signed ECS JSON 1.1 requests over HTTP/1.1 keep-alive\n");
        out.append("machine: ").append(cpus).append(" CPUs (nproc)");
        if (args.containsKey("cpu-model")) {
            out.append(", ").append(args.get("cpu-model"));
        }
        out.append("; load client on the same machine (java ").append(Runtime.version().feature())
                .append(", a raw HTTP/1.1 client: one connection per worker, virtual threads)\n");
        if (args.containsKey("versions")) {
            out.append("versions: ").append(args.get("versions")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "each row: %.0f s measured; every response checked for HTTP 200; "
                + "data: %d revisions in %d families%n", duration, TOTAL_REVISIONS, 1 + OTHER_FAMILIES.size()));
        out.append("warm-up (").append(WarmUp.DESCRIPTION).append("):");
        for (Target t : targets) {
            out.append(' ').append(t.name());
            for (Op op : ops) {
                out.append(String.format(Locale.ROOT, " %s %.0f s", shortName(op), warmups.get(t.name() + "/" + op.name())));
            }
            out.append(t == targets.getLast() ? "\n" : ";");
        }
        out.append("keep-alive kept by the server:");
        for (Target t : targets) {
            out.append(' ').append(t.name()).append(' ').append(t.notes().getOrDefault("keep-alive", "?"))
                    .append(t == targets.getLast() ? "\n" : ";");
        }
        out.append('\n');
        Table table = new Table("")
                .column("operation", "%-22s").column("conc", "%4d")
                .group().column("Berth r/s", "%9.0f").column("p50 ms", "%7.2f").column("p99 ms", "%7.2f").column("err", "%4d")
                .group().column("moto r/s", "%9.0f").column("p50 ms", "%7.2f").column("p99 ms", "%7.2f").column("err", "%4d")
                .group().column("Berth/moto", "%9.1fx");
        for (Op op : ops) {
            for (int c : concurrencies) {
                Load.Window b = byKey.get("Berth/" + op.name() + "/" + c).window();
                Load.Window m = byKey.get("moto/" + op.name() + "/" + c).window();
                table.row(op.name(), c, b.rps(), ms(b.p50()), ms(b.p99()), b.errors(),
                        m.rps(), ms(m.p50()), ms(m.p99()), m.errors(), b.rps() / m.rps());
            }
        }
        out.append(table);
        double cores = Double.parseDouble(cpus);
        out.append('\n').append("CPU time per request of the server process, the CPUs it kept busy, [the load client's "
                + "CPU time per request]:\n");
        for (Op op : ops) {
            for (int c : concurrencies) {
                Result b = byKey.get("Berth/" + op.name() + "/" + c);
                Result m = byKey.get("moto/" + op.name() + "/" + c);
                out.append(String.format(Locale.ROOT,
                        "  %-22s c=%-2d  Berth %5.0f µs %4.2f CPUs [%4.0f µs]   moto %5.0f µs %4.2f CPUs [%4.0f µs]%n",
                        op.name(), c, b.serverCpuMicrosPerRequest(), b.serverCpuMicrosPerRequest() * b.rps() / 1e6,
                        b.clientCpuMicrosPerRequest(), m.serverCpuMicrosPerRequest(),
                        m.serverCpuMicrosPerRequest() * m.rps() / 1e6, m.clientCpuMicrosPerRequest()));
            }
        }
        int top = java.util.Arrays.stream(concurrencies).max().orElse(1);
        List<String> capacity = new ArrayList<>();
        for (Op op : ops) {
            Result b = byKey.get("Berth/" + op.name() + "/" + top);
            capacity.add(String.format(Locale.ROOT, "~%,.0f req/s for %s", cores * 1e6 / b.serverCpuMicrosPerRequest(),
                    shortName(op)));
        }
        out.append(String.format(Locale.ROOT, "Berth's CPU time per request at c=%d would allow %s on all %s CPUs "
                + "without the client beside it%n", top, String.join(" and ", capacity), cpus));

        double otherAverage = results.stream().mapToDouble(Result::otherLoad).average().orElse(Double.NaN);
        double otherMax = results.stream().mapToDouble(Result::otherLoad).max().orElse(Double.NaN);
        out.append(String.format(Locale.ROOT, "other load on the machine while measuring (processes besides Berth, moto "
                + "and the client, and steal): %.0f%% of all CPUs on average, %.0f%% at most%n",
                100 * otherAverage, 100 * otherMax));

        // Cold start: each run's first seconds against the warm row of the same operation and concurrency.
        Result warm = byKey.get("Berth/" + DESCRIBE.name() + "/" + top);
        Map<String, List<Cold>> byVariant = new LinkedHashMap<>();
        colds.forEach(c -> byVariant.computeIfAbsent(c.variant(), k -> new ArrayList<>()).add(c));
        if (!colds.isEmpty() && warm != null) {
            out.append('\n').append(String.format(Locale.ROOT, "cold start: a fresh Berth (new process and data dir), "
                    + "healthy and seeded, then %s c=%d for its first %.0f s; warm: the row above, %.0f req/s%n",
                    DESCRIBE.name(), top, coldSeconds, warm.rps()));
            Table cold = new Table("")
                    .column("variant", "%-12s").column("run", "%3d")
                    .group().column("healthy s", "%9.2f").column("req/s", "%7.0f").column("of warm", "%6.0f%%")
                    .group().column("1 s windows, req/s", "%-40s");
            for (List<Cold> runs : byVariant.values()) {
                for (int i = 0; i < runs.size(); i++) {
                    Cold c = runs.get(i);
                    cold.row(c.variant(), i + 1, c.startNanos() / 1e9, c.rps(), 100 * c.rps() / warm.rps(),
                            String.join(" ", c.rates().stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList()));
                }
            }
            out.append(cold);
        }

        // Targets: throughput and p99 at the highest concurrency; the ratio on every row.
        out.append('\n').append(String.format(Locale.ROOT,
                "targets: >= %,.0f signed req/s on 2 cores with p99 < %.0f ms (judged at concurrency %d%s), "
                        + "and >= %.0fx moto's throughput (every row)%n", TARGET_RPS, TARGET_P99_MS, top,
                cpus.equals("2") ? "" : "; this machine has " + cpus + " CPUs", TARGET_RATIO));
        List<String> parts = new ArrayList<>();
        boolean allMet = true;
        for (Op op : ops) {
            Load.Window b = byKey.get("Berth/" + op.name() + "/" + top).window();
            boolean met = b.rps() >= TARGET_RPS && ms(b.p99()) < TARGET_P99_MS && b.errors() == 0;
            allMet &= met;
            parts.add(String.format(Locale.ROOT, "%s c=%d %,.0f req/s p99 %.2f ms %s", shortName(op), top, b.rps(),
                    ms(b.p99()), met ? "MET" : "MISSED"));
        }
        double worstRatio = Double.MAX_VALUE;
        String worst = "";
        for (Op op : ops) {
            for (int c : concurrencies) {
                double ratio = byKey.get("Berth/" + op.name() + "/" + c).rps() / byKey.get("moto/" + op.name() + "/" + c).rps();
                if (ratio < worstRatio) {
                    worstRatio = ratio;
                    worst = shortName(op) + " c=" + c;
                }
            }
        }
        boolean ratioMet = worstRatio >= TARGET_RATIO;
        allMet &= ratioMet;
        parts.add(String.format(Locale.ROOT, "lowest ratio %.1fx (%s) %s", worstRatio, worst, ratioMet ? "MET" : "MISSED"));
        out.append("summary: ").append(allMet ? "ALL TARGETS MET" : "TARGETS MISSED").append(" | ")
                .append(String.join(" | ", parts)).append('\n');

        if (warm != null) { // issue 11's targets need DescribeTaskDefinition
            out.append(String.format(Locale.ROOT, "issue 11 targets: %s c=%d >= %.0fx moto's req/s in this run with "
                    + "p99 <= %.0f ms; a cold start's first %.0f s >= %.0f%% of warm (with the AOT cache)%n",
                    DESCRIBE.name(), top, TARGET_DESCRIBE_RATIO, TARGET_DESCRIBE_P99_MS, coldSeconds, 100 * TARGET_COLD_SHARE));
            Load.Window bd = warm.window();
            double describeRatio = warm.rps() / byKey.get("moto/" + DESCRIBE.name() + "/" + top).rps();
            boolean describeMet = describeRatio >= TARGET_DESCRIBE_RATIO && ms(bd.p99()) <= TARGET_DESCRIBE_P99_MS
                    && bd.errors() == 0;
            List<Cold> judged = byVariant.getOrDefault("AOT cache", byVariant.getOrDefault("no AOT cache", List.of()));
            double coldShare = judged.stream().mapToDouble(Cold::rps).min().orElse(Double.NaN) / warm.rps();
            boolean coldMet = !judged.isEmpty() && judged.getFirst().variant().equals("AOT cache")
                    && coldShare >= TARGET_COLD_SHARE;
            out.append(String.format(Locale.ROOT, "issue 11 summary: %s | Describe c=%d %.1fx moto, p99 %.2f ms %s | "
                            + "cold (%s) %.0f%% of warm %s%n", describeMet && coldMet ? "ALL TARGETS MET"
                            : "TARGETS MISSED", top, describeRatio, ms(bd.p99()), describeMet ? "MET" : "MISSED",
                    judged.isEmpty() ? "not measured" : judged.getFirst().variant() + ", worst run", 100 * coldShare,
                    coldMet ? "MET" : "MISSED"));
        }
        System.out.print(out);
        System.out.flush();
    }

    static String shortName(Op op) {
        return op.name().replace("TaskDefinitions", "").replace("TaskDefinition", "");
    }
}
