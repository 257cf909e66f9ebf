/*
 * Load client of bench/run: DescribeTaskDefinition and ListTaskDefinitions against Berth and
 * against moto (the baseline), SigV4-signed, over HTTP/1.1 keep-alive, at several concurrencies.
 *
 * Run with the source launcher (Java 21+) and the test classpath (AWS SDK for Java v2 signer):
 *   java --source 21 -cp CLASSPATH bench/ApiBench.java --berth http://127.0.0.1:P1 --moto http://127.0.0.1:P2 \
 *        --access-key-id ID --secret-access-key SECRET [--berth-pid N --moto-pid N --clock-ticks 100]
 *        [--warmup 25 --duration 8 --concurrency 1,8 --cpus 2]
 *
 * Requests are signed with the SDK's AwsV4HttpSigner shortly before each measurement (Berth accepts
 * a signature for 5 minutes and verifies every one) and replayed from a small pool, so the client
 * spends its time sending, not signing. Blocking code on virtual threads; one HttpClient per target.
 * Warm-up runs in 1 s windows at the highest concurrency until three consecutive windows agree
 * within 5% and neither the server's nor this client's JIT compiler threads were busy in the last
 * one (at least 3 s, at most --warmup s): Berth's JIT needs far longer than moto, and its rate
 * plateaus for seconds while C2 is still compiling.
 * The table goes to stdout, progress to stderr.
 */

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class ApiBench {

    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Headers java.net.http sets itself and refuses from callers. */
    static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int POOL_SIZE = 64;

    static final double TARGET_RPS = 2500;
    static final double TARGET_P99_MS = 10;
    static final double TARGET_RATIO = 5;

    /** The data set: "bench" with several revisions, plus other families. */
    static final int BENCH_REVISIONS = 5;
    static final List<String> OTHER_FAMILIES = List.of("web", "worker", "batch");
    static final int OTHER_REVISIONS = 2;
    static final int TOTAL_REVISIONS = BENCH_REVISIONS + OTHER_FAMILIES.size() * OTHER_REVISIONS;

    static final double WARMUP_WINDOW_SECONDS = 1;
    static final int WARMUP_STABLE_WINDOWS = 3;
    static final double WARMUP_TOLERANCE = 0.05;
    /** A JIT is quiet when its compiler threads used less than this share of one CPU in a window. */
    static final double JIT_QUIET = 0.05;

    record Target(String name, URI endpoint, HttpClient client, long pid, Map<String, String> notes) {
    }

    /** An operation and the request bodies its pool cycles through. */
    record Op(String name, List<String> bodies) {
    }

    record Result(String target, String op, int concurrency, long ok, long errors, double seconds,
                  long p50Nanos, long p99Nanos, double serverCpuMicrosPerRequest, double clientCpuMicrosPerRequest,
                  double otherLoad, String firstError) {
        double rps() {
            return ok / seconds;
        }
    }

    final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    final AwsCredentialsIdentity credentials;
    final String region;
    final long clockTicks;
    final int cpus;
    /** Every server process, to tell their CPU use from that of the rest of the machine. */
    final List<Long> serverPids = new ArrayList<>();

    ApiBench(String accessKeyId, String secretAccessKey, String region, long clockTicks, int cpus) {
        this.credentials = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
        this.region = region;
        this.clockTicks = clockTicks;
        this.cpus = cpus;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "25"));
        double duration = Double.parseDouble(args.getOrDefault("duration", "8"));
        int[] concurrencies = Arrays.stream(args.getOrDefault("concurrency", "1,8").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int maxConcurrency = Arrays.stream(concurrencies).max().orElse(1);
        ApiBench bench = new ApiBench(require(args, "access-key-id"), require(args, "secret-access-key"),
                args.getOrDefault("region", "us-east-1"), Long.parseLong(args.getOrDefault("clock-ticks", "100")),
                Integer.parseInt(args.getOrDefault("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()))));

        List<Target> targets = List.of(
                target("Berth", require(args, "berth"), Long.parseLong(args.getOrDefault("berth-pid", "-1"))),
                target("moto", require(args, "moto"), Long.parseLong(args.getOrDefault("moto-pid", "-1"))));
        List<Op> ops = List.of(
                new Op("DescribeTaskDefinition", describeBodies()),
                new Op("ListTaskDefinitions", List.of("{\"familyPrefix\":\"bench\"}", "{}")));

        for (Target target : targets) {
            bench.serverPids.add(target.pid());
            bench.seed(target);
        }
        List<Result> results = new ArrayList<>();
        Map<String, Double> warmups = new HashMap<>();
        for (Op op : ops) {
            for (Target target : targets) {
                warmups.put(target.name() + "/" + op.name(), bench.warmUp(target, op, maxConcurrency, warmup));
            }
            for (int concurrency : concurrencies) {
                for (Target target : targets) {
                    Result r = bench.measure(target, op, concurrency, duration);
                    progress("measured %-6s %-22s c=%d %8.1f req/s p50 %.2f ms p99 %.2f ms errors %d", target.name(),
                            op.name(), concurrency, r.rps(), ms(r.p50Nanos()), ms(r.p99Nanos()), r.errors());
                    if (r.errors() > 0) {
                        progress("  first error: %s", r.firstError());
                    }
                    results.add(r);
                }
            }
        }
        report(results, targets, ops, concurrencies, args, duration, warmups);
        boolean anyErrors = results.stream().anyMatch(r -> r.errors() > 0 || r.ok() == 0);
        System.exit(anyErrors ? 2 : 0);
    }

    static List<String> describeBodies() {
        List<String> bodies = new ArrayList<>();
        for (int revision = 1; revision <= BENCH_REVISIONS; revision++) {
            bodies.add("{\"taskDefinition\":\"bench:" + revision + "\"}");
        }
        bodies.add("{\"taskDefinition\":\"bench\"}"); // the latest ACTIVE revision
        return bodies;
    }

    static Target target(String name, String url, long pid) {
        URI endpoint = URI.create(url.endsWith("/") ? url : url + "/");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new Target(name, endpoint, client, pid, new HashMap<>());
    }

    // ---------------------------------------------------------------------------------- data set

    /** Registers the task definitions every measurement reads, and checks both targets answer alike. */
    void seed(Target target) throws IOException, InterruptedException {
        progress("seeding  %-6s %s: %d revisions of 'bench', %d of each of %s", target.name(), target.endpoint(),
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

    /** Runs the load in short windows until the rate settles; the seconds it took. */
    double warmUp(Target target, Op op, int concurrency, double maxSeconds) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<String> jit = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        double spent = 0;
        while (spent < maxSeconds) {
            long jit0 = jitTicks(target.pid()) + jitTicks(self);
            Result w = measure(target, op, concurrency, WARMUP_WINDOW_SECONDS);
            double jitShare = Math.max(0, jitTicks(target.pid()) + jitTicks(self) - jit0) / (double) clockTicks / w.seconds();
            spent += w.seconds();
            if (w.errors() > 0) {
                progress("  warm-up errors: %d, first: %s", w.errors(), w.firstError());
            }
            rates.add(w.rps());
            jit.add(String.format(Locale.ROOT, "%.0f", 100 * jitShare));
            if (rates.size() >= WARMUP_STABLE_WINDOWS && jitShare < JIT_QUIET) {
                List<Double> last = rates.subList(rates.size() - WARMUP_STABLE_WINDOWS, rates.size());
                double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                if (min > 0 && max / min <= 1 + WARMUP_TOLERANCE) {
                    break;
                }
            }
        }
        progress("warm-up  %-6s %-22s c=%d %4.1f s, 1 s windows: %s req/s, JIT busy %s %%", target.name(), op.name(),
                concurrency, spent, rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList(), jit);
        return spent;
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

    /** One signed request, which must answer 200; its body. */
    String call(Target target, String operation, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = target.client().send(sign(target, operation, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(target.name() + " " + operation + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        // Whether the server keeps the connection open: the client always asks it to (HTTP/1.1).
        boolean closes = response.headers().allValues("connection").stream()
                .anyMatch(v -> v.equalsIgnoreCase("close"));
        target.notes().merge("keep-alive", closes ? "no (answers Connection: close)" : "yes",
                (a, b) -> a.equals(b) ? a : "partly");
        return response.body();
    }

    // ---------------------------------------------------------------------------------- signing

    /** The request as an AWS SDK would sign it: SigV4 over the headers below, host and the body. */
    HttpRequest sign(Target target, String operation, String body) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .uri(target.endpoint())
                .method(SdkHttpMethod.POST)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ecs")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.endpoint())
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    List<HttpRequest> pool(Target target, Op op) {
        List<HttpRequest> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(sign(target, op.name(), op.bodies().get(i % op.bodies().size())));
        }
        return pool;
    }

    // ---------------------------------------------------------------------------------- load

    /** Per-worker latency samples, in nanoseconds. */
    static final class Samples {
        long[] values = new long[1 << 14];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    /** {@code concurrency} workers replay freshly signed requests for {@code seconds}. */
    Result measure(Target target, Op op, int concurrency, double seconds) throws InterruptedException {
        List<HttpRequest> pool = pool(target, op);
        Samples[] samples = new Samples[concurrency];
        long[] errors = new long[concurrency];
        AtomicReference<String> firstError = new AtomicReference<>();
        Thread[] workers = new Thread[concurrency];

        long serverCpu0 = cpuTicks(target.pid());
        long serversCpu0 = serverPids.stream().mapToLong(ApiBench::cpuTicks).sum();
        long machine0 = machineBusyTicks();
        long clientCpu0 = clientCpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            samples[w] = new Samples();
            workers[w] = Thread.ofVirtual().name("bench-" + w).start(() -> {
                Samples mine = samples[worker];
                int next = worker * 7;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = pool.get(next++ % pool.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = target.client().send(request,
                                HttpResponse.BodyHandlers.ofByteArray());
                        long elapsed = System.nanoTime() - t0;
                        if (response.statusCode() == 200) {
                            mine.add(elapsed);
                        } else {
                            errors[worker]++;
                            firstError.compareAndSet(null, "HTTP " + response.statusCode() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        errors[worker]++;
                        firstError.compareAndSet(null, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long serverCpu1 = cpuTicks(target.pid());
        long serversCpu1 = serverPids.stream().mapToLong(ApiBench::cpuTicks).sum();
        long machine1 = machineBusyTicks();
        long clientCpu1 = clientCpuNanos();
        // The share of all CPUs that processes other than the servers and this client used (steal included).
        double otherLoad = machine0 < 0 || serversCpu0 < 0 || clientCpu0 < 0 ? Double.NaN
                : Math.max(0, ((machine1 - machine0) - (serversCpu1 - serversCpu0)) / (double) clockTicks
                        - (clientCpu1 - clientCpu0) / 1e9) / elapsed / cpus;

        int total = 0;
        for (Samples s : samples) {
            total += s.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Samples s : samples) {
            System.arraycopy(s.values, 0, all, at, s.size);
            at += s.size;
        }
        Arrays.sort(all);
        long errorCount = Arrays.stream(errors).sum();
        double serverCpuMicros = serverCpu0 < 0 || serverCpu1 < 0 || total == 0 ? Double.NaN
                : (serverCpu1 - serverCpu0) * 1e6 / clockTicks / total;
        double clientCpuMicros = clientCpu0 < 0 || total == 0 ? Double.NaN : (clientCpu1 - clientCpu0) / 1e3 / total;
        return new Result(target.name(), op.name(), concurrency, total, errorCount, elapsed,
                percentile(all, 0.50), percentile(all, 0.99), serverCpuMicros, clientCpuMicros, otherLoad,
                firstError.get());
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    /** utime + stime of a whole process (all its threads), in clock ticks; -1 if unknown. */
    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of a JVM's JIT compiler threads (HotSpot's "C1/C2 CompilerThreadN"), in clock ticks; 0 if none. */
    static long jitTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    /** Busy time of all CPUs (user, nice, system, irq, softirq, steal) in clock ticks; -1 if unknown. */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------- report

    static void report(List<Result> results, List<Target> targets, List<Op> ops, int[] concurrencies,
                       Map<String, String> args, double duration, Map<String, Double> warmups) {
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
                .append(", java.net.http, virtual threads)\n");
        if (args.containsKey("versions")) {
            out.append("versions: ").append(args.get("versions")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "each row: %.0f s measured; every response checked for HTTP 200; "
                + "data: %d revisions in %d families%n", duration, TOTAL_REVISIONS, 1 + OTHER_FAMILIES.size()));
        out.append("warm-up (until 3 x 1 s windows agree within 5% and the JITs are quiet):");
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
        String header = String.format(Locale.ROOT, "%-22s %4s | %9s %7s %7s %4s | %9s %7s %7s %4s | %10s",
                "operation", "conc", "Berth r/s", "p50 ms", "p99 ms", "err", "moto r/s", "p50 ms", "p99 ms", "err",
                "Berth/moto");
        out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (Op op : ops) {
            for (int c : concurrencies) {
                Result b = byKey.get("Berth/" + op.name() + "/" + c);
                Result m = byKey.get("moto/" + op.name() + "/" + c);
                out.append(String.format(Locale.ROOT,
                        "%-22s %4d | %9.0f %7.2f %7.2f %4d | %9.0f %7.2f %7.2f %4d | %9.1fx%n",
                        op.name(), c, b.rps(), ms(b.p50Nanos()), ms(b.p99Nanos()), b.errors(),
                        m.rps(), ms(m.p50Nanos()), ms(m.p99Nanos()), m.errors(), b.rps() / m.rps()));
            }
        }
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
        int top = Arrays.stream(concurrencies).max().orElse(1);
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

        // Targets: throughput and p99 at the highest concurrency; the ratio on every row.
        out.append('\n').append(String.format(Locale.ROOT,
                "targets: >= %,.0f signed req/s on 2 cores with p99 < %.0f ms (judged at concurrency %d%s), "
                        + "and >= %.0fx moto's throughput (every row)%n", TARGET_RPS, TARGET_P99_MS, top,
                cpus.equals("2") ? "" : "; this machine has " + cpus + " CPUs", TARGET_RATIO));
        List<String> parts = new ArrayList<>();
        boolean allMet = true;
        for (Op op : ops) {
            Result b = byKey.get("Berth/" + op.name() + "/" + top);
            boolean met = b.rps() >= TARGET_RPS && ms(b.p99Nanos()) < TARGET_P99_MS && b.errors() == 0;
            allMet &= met;
            parts.add(String.format(Locale.ROOT, "%s c=%d %,.0f req/s p99 %.2f ms %s", shortName(op), top, b.rps(),
                    ms(b.p99Nanos()), met ? "MET" : "MISSED"));
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
        System.out.print(out);
        System.out.flush();
    }

    static String shortName(Op op) {
        return op.name().replace("TaskDefinitions", "").replace("TaskDefinition", "");
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------------------------- arguments

    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", argv));
            }
            args.put(argv[i].substring(2), argv[++i]);
        }
        return args;
    }

    static String require(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    static void progress(String format, Object... values) {
        System.err.println("bench: " + String.format(Locale.ROOT, format, values));
    }
}
