/*
 * Load client of bench/iam: signed ECS DescribeTasks against two Berth processes of the same
 * build, one with IAM enforcement on (called by an IAM user with 10 attached managed policies)
 * and one with --iam-enforcement off (called by the root keys), over HTTP/1.1 keep-alive, at
 * several concurrencies; prints the table, the ratio and the target.
 *
 * Run with the source launcher (Java 21+) and the test classpath (AWS SDK for Java v2 signer):
 *   java --source 21 -cp CLASSPATH bench/IamBench.java --on http://127.0.0.1:P1 --off http://127.0.0.1:P2 \
 *        --access-key-id ROOT_ID --secret-access-key ROOT_SECRET --policies-dir DIR \
 *        [--on-pid N --off-pid N --clock-ticks 100 --cpus 2 --warmup 20 --duration 8 --rounds 4 --concurrency 1,8]
 *        [--attach N: attach only the first N documents, a diagnostic]
 *
 * Set-up, as root, through the APIs: on both, CreateCluster with no name (the "default" cluster);
 * on the enforcing Berth, IAM (Query protocol, signing name "iam", us-east-1): CreateUser,
 * CreateAccessKey, CreatePolicy for each document in --policies-dir (written by
 * bench/IamPolicyBench.java), AttachUserPolicy for each. Before measuring it checks that the user
 * is allowed DescribeTasks, that its policies do decide (the region guard's Deny from another
 * region, the Deny of ecs:DeleteCluster and the implicit deny of ecs:UpdateCluster answer
 * AccessDeniedException), and that root may DescribeTasks on the other Berth.
 *
 * DescribeTasks names one random task id of the default cluster that does not exist: Berth
 * authorizes ecs:DescribeTasks on arn:aws:ecs:us-east-1:ACCOUNT:task/default/ID, reads the store,
 * and answers 200 with the task under "failures" (reason MISSING); no container engine is needed.
 * Every measured response must be HTTP 200 and name a MISSING failure (so no AccessDenied).
 *
 * As in bench/ApiBench.java: requests are signed with the SDK's AwsV4HttpSigner before each
 * measurement and replayed from a pool of 64 (distinct task ids); blocking code on virtual
 * threads; one HttpClient per target; warm-up in 1 s windows at the highest concurrency until
 * three windows agree within 5% and both JITs are quiet. Unlike ApiBench, each row is measured in
 * --rounds interleaved rounds (on, off, off, on, ...) so that drift of the machine's speed
 * falls on both sides alike; rates are total requests over total time, percentiles over all
 * samples of the row.
 * The report goes to stdout, progress to stderr.
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public final class IamBench {

    static final String ECS_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String ECS_CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    static final String IAM_VERSION = "2010-05-08";
    static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int POOL_SIZE = 64;
    static final String USER = "bench-user";
    static final String POLICY_PATH = "/bench/";
    /** The target: enforcement costs under 10% of throughput (on/off >= 0.90), printed, not asserted. */
    static final double TARGET_MAX_COST = 0.10;

    static final double WARMUP_WINDOW_SECONDS = 1;
    static final int WARMUP_STABLE_WINDOWS = 3;
    static final double WARMUP_TOLERANCE = 0.05;
    static final double JIT_QUIET = 0.05;
    static final byte[] MISSING = "\"MISSING\"".getBytes(StandardCharsets.US_ASCII);

    /** A Berth and the keys its requests are signed with. */
    record Target(String name, String label, URI endpoint, HttpClient client, long pid, AwsCredentialsIdentity[] keys,
                  Map<String, String> notes) {
        AwsCredentialsIdentity credentials() {
            return keys[0];
        }
    }

    record Result(String target, int concurrency, long ok, long errors, double seconds, long[] sorted,
                  long serverTicks, long clientCpuNanos, long machineTicks, long serversTicks, String firstError) {
        double rps() {
            return ok / seconds;
        }
    }

    final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    final AwsCredentialsIdentity root;
    final String region;
    final long clockTicks;
    final int cpus;
    final List<Long> serverPids = new ArrayList<>();
    final SecureRandom random = new SecureRandom();

    IamBench(AwsCredentialsIdentity root, String region, long clockTicks, int cpus) {
        this.root = root;
        this.region = region;
        this.clockTicks = clockTicks;
        this.cpus = cpus;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "20"));
        double duration = Double.parseDouble(args.getOrDefault("duration", "8"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "4"));
        int[] concurrencies = Arrays.stream(args.getOrDefault("concurrency", "1,8").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int maxConcurrency = Arrays.stream(concurrencies).max().orElse(1);
        AwsCredentialsIdentity root = AwsCredentialsIdentity.create(require(args, "access-key-id"),
                require(args, "secret-access-key"));
        IamBench bench = new IamBench(root, args.getOrDefault("region", "us-east-1"),
                Long.parseLong(args.getOrDefault("clock-ticks", "100")),
                Integer.parseInt(args.getOrDefault("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()))));

        Target on = target("on", "enforcement on, IAM user, 10 policies", require(args, "on"),
                Long.parseLong(args.getOrDefault("on-pid", "-1")), root);
        Target off = target("off", "enforcement off, root keys", require(args, "off"),
                Long.parseLong(args.getOrDefault("off-pid", "-1")), root);
        List<Target> targets = List.of(on, off);
        targets.forEach(t -> bench.serverPids.add(t.pid()));

        List<Path> documents;
        try (Stream<Path> files = Files.list(Path.of(require(args, "policies-dir")))) {
            documents = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (args.containsKey("attach")) { // a diagnostic: only the first N documents (the first allows DescribeTasks)
            documents = documents.subList(0, Math.min(documents.size(), Integer.parseInt(args.get("attach"))));
        }
        bench.setUp(on, off, documents);

        Map<String, Double> warmups = new LinkedHashMap<>();
        for (Target t : targets) {
            warmups.put(t.name(), bench.warmUp(t, maxConcurrency, warmup));
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int c : concurrencies) {
            for (int r = 0; r < rounds; r++) {
                List<Target> order = r % 2 == 0 ? List.of(on, off) : List.of(off, on);
                for (Target t : order) {
                    Result result = bench.measure(t, c, duration / rounds);
                    results.computeIfAbsent(t.name() + "/" + c, k -> new ArrayList<>()).add(result);
                    progress("round %d/%d %-3s c=%d %8.1f req/s p50 %.2f ms p99 %.2f ms errors %d", r + 1, rounds,
                            t.name(), c, result.rps(), ms(percentile(result.sorted(), 0.5)),
                            ms(percentile(result.sorted(), 0.99)), result.errors());
                    if (result.errors() > 0) {
                        progress("  first error: %s", result.firstError());
                    }
                }
            }
        }
        boolean clean = bench.report(results, on, off, concurrencies, rounds, duration, warmups, args, documents.size());
        System.exit(clean ? 0 : 2);
    }

    static Target target(String name, String label, String url, long pid, AwsCredentialsIdentity keys) {
        URI endpoint = URI.create(url.endsWith("/") ? url : url + "/");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new Target(name, label, endpoint, client, pid, new AwsCredentialsIdentity[] {keys}, new LinkedHashMap<>());
    }

    // ---------------------------------------------------------------------------------- set-up

    void setUp(Target on, Target off, List<Path> documents) throws IOException, InterruptedException {
        if (documents.isEmpty()) {
            throw new IllegalStateException("no policy documents (*.json) in --policies-dir");
        }
        for (Target t : List.of(on, off)) {
            String cluster = ecs(t, root, region, "CreateCluster", "{}");
            if (!cluster.contains("cluster/default")) {
                throw new IllegalStateException(t.name() + ": CreateCluster made no default cluster: " + cluster);
            }
        }
        progress("IAM set-up on %s as root: CreateUser %s, CreateAccessKey, CreatePolicy x%d, AttachUserPolicy x%d",
                on.endpoint(), USER, documents.size(), documents.size());
        iam(on, Map.of("Action", "CreateUser", "UserName", USER));
        String key = iam(on, Map.of("Action", "CreateAccessKey", "UserName", USER));
        AwsCredentialsIdentity user = AwsCredentialsIdentity.create(xml(key, "AccessKeyId"), xml(key, "SecretAccessKey"));
        for (Path document : documents) {
            String name = document.getFileName().toString().replaceFirst("^\\d+-", "").replaceFirst("\\.json$", "");
            String created = iam(on, Map.of("Action", "CreatePolicy", "PolicyName", name, "Path", POLICY_PATH,
                    "PolicyDocument", Files.readString(document)));
            iam(on, Map.of("Action", "AttachUserPolicy", "UserName", USER, "PolicyArn", xml(created, "Arn")));
        }
        String attached = iam(on, Map.of("Action", "ListAttachedUserPolicies", "UserName", USER));
        int count = count(attached, "<PolicyArn>");
        if (count != documents.size()) {
            throw new IllegalStateException("ListAttachedUserPolicies lists " + count + " policies, expected "
                    + documents.size() + ": " + attached);
        }
        on.keys()[0] = user;

        // The user is allowed DescribeTasks, and its policies do decide.
        String body = describeBody(randomTaskId());
        String allowed = ecs(on, user, region, "DescribeTasks", body);
        if (!allowed.contains("MISSING")) {
            throw new IllegalStateException("DescribeTasks as " + USER + " answered without a MISSING failure: " + allowed);
        }
        expectDenied(on, user, "ap-south-1", "DescribeTasks", body, "explicit Deny (region guard)");
        expectDenied(on, user, region, "DeleteCluster", "{\"cluster\":\"default\"}", "Deny of ecs:DeleteCluster");
        expectDenied(on, user, region, "UpdateCluster", "{\"cluster\":\"default\"}",
                "implicit deny (nothing allows ecs:UpdateCluster)");
        String rootAllowed = ecs(off, root, region, "DescribeTasks", body);
        if (!rootAllowed.contains("MISSING")) {
            throw new IllegalStateException("DescribeTasks as root answered without a MISSING failure: " + rootAllowed);
        }
        on.notes().put("checks", "user allowed DescribeTasks; AccessDeniedException for ap-south-1, DeleteCluster, "
                + "UpdateCluster");
        progress("checked: %s", on.notes().get("checks"));
    }

    void expectDenied(Target t, AwsCredentialsIdentity keys, String signingRegion, String operation, String body,
                      String why) throws IOException, InterruptedException {
        HttpResponse<String> response = t.client().send(signEcs(t, keys, signingRegion, operation, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 400 || !response.body().contains("AccessDeniedException")) {
            throw new IllegalStateException("expected AccessDeniedException (" + why + ") for " + operation + " in "
                    + signingRegion + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    String ecs(Target t, AwsCredentialsIdentity keys, String signingRegion, String operation, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = t.client().send(signEcs(t, keys, signingRegion, operation, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(t.name() + " " + operation + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** An IAM Query call as root, which must answer 200; the XML. */
    String iam(Target t, Map<String, String> parameters) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("Version", IAM_VERSION);
        StringBuilder form = new StringBuilder();
        all.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        HttpRequest request = sign(t.endpoint(), root, "iam", "us-east-1",
                Map.of("Content-Type", FORM_CONTENT_TYPE), form.toString());
        HttpResponse<String> response = t.client().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(t.name() + " IAM " + parameters.get("Action") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String xml(String body, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no <" + element + "> in " + body);
        }
        return m.group(1);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    String randomTaskId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static String describeBody(String taskId) {
        return "{\"cluster\":\"default\",\"tasks\":[\"" + taskId + "\"]}";
    }

    // ---------------------------------------------------------------------------------- signing

    HttpRequest signEcs(Target t, AwsCredentialsIdentity keys, String signingRegion, String operation, String body) {
        return sign(t.endpoint(), keys, "ecs", signingRegion,
                Map.of("Content-Type", ECS_CONTENT_TYPE, "X-Amz-Target", ECS_TARGET_PREFIX + operation), body);
    }

    /** The request as an AWS SDK would sign it: SigV4 over the given headers, host and the body. */
    HttpRequest sign(URI endpoint, AwsCredentialsIdentity keys, String service, String signingRegion,
                     Map<String, String> headers, String body) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(endpoint).method(SdkHttpMethod.POST);
        headers.forEach(unsigned::putHeader);
        SdkHttpRequest request = unsigned.build();
        SignedRequest signed = signer.sign(r -> r
                .identity(keys)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    List<HttpRequest> pool(Target t) {
        List<HttpRequest> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(signEcs(t, t.credentials(), region, "DescribeTasks", describeBody(randomTaskId())));
        }
        return pool;
    }

    // ---------------------------------------------------------------------------------- load

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

    double warmUp(Target t, int concurrency, double maxSeconds) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<String> jit = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        double spent = 0;
        while (spent < maxSeconds) {
            long jit0 = jitTicks(t.pid()) + jitTicks(self);
            Result w = measure(t, concurrency, WARMUP_WINDOW_SECONDS);
            double jitShare = Math.max(0, jitTicks(t.pid()) + jitTicks(self) - jit0) / (double) clockTicks / w.seconds();
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
        progress("warm-up  %-3s c=%d %4.1f s, 1 s windows: %s req/s, JIT busy %s %%", t.name(), concurrency, spent,
                rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList(), jit);
        return spent;
    }

    /** {@code concurrency} workers replay freshly signed DescribeTasks for {@code seconds}. */
    Result measure(Target t, int concurrency, double seconds) throws InterruptedException {
        List<HttpRequest> pool = pool(t);
        Samples[] samples = new Samples[concurrency];
        long[] errors = new long[concurrency];
        AtomicReference<String> firstError = new AtomicReference<>();
        Thread[] workers = new Thread[concurrency];

        long serverCpu0 = cpuTicks(t.pid());
        long serversCpu0 = serverPids.stream().mapToLong(IamBench::cpuTicks).sum();
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
                        HttpResponse<byte[]> response = t.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long elapsed = System.nanoTime() - t0;
                        if (response.statusCode() == 200 && contains(response.body(), MISSING)) {
                            mine.add(elapsed);
                        } else {
                            errors[worker]++;
                            firstError.compareAndSet(null, "HTTP " + response.statusCode() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                        boolean closes = response.headers().allValues("connection").stream()
                                .anyMatch(v -> v.equalsIgnoreCase("close"));
                        if (closes) {
                            t.notes().put("closed", "server answered Connection: close");
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
        long serverCpu1 = cpuTicks(t.pid());
        long serversCpu1 = serverPids.stream().mapToLong(IamBench::cpuTicks).sum();
        long machine1 = machineBusyTicks();
        long clientCpu1 = clientCpuNanos();

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
        return new Result(t.name(), concurrency, total, Arrays.stream(errors).sum(), elapsed, all,
                serverCpu0 < 0 || serverCpu1 < 0 ? -1 : serverCpu1 - serverCpu0,
                clientCpu0 < 0 ? -1 : clientCpu1 - clientCpu0,
                machine0 < 0 ? -1 : machine1 - machine0, serversCpu1 - serversCpu0, firstError.get());
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

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

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

    /** A row's rounds merged: total requests over total time, percentiles over every sample. */
    record Row(long ok, long errors, double seconds, long p50, long p99, double serverMicros, double clientMicros,
               double otherLoad, double minRps, double maxRps) {
        double rps() {
            return ok / seconds;
        }
    }

    Row merge(List<Result> rounds) {
        long ok = 0;
        long errors = 0;
        double seconds = 0;
        long serverTicks = 0;
        long clientNanos = 0;
        double other = 0;
        boolean cpuKnown = true;
        List<long[]> parts = new ArrayList<>();
        for (Result r : rounds) {
            ok += r.ok();
            errors += r.errors();
            seconds += r.seconds();
            parts.add(r.sorted());
            cpuKnown &= r.serverTicks() >= 0 && r.clientCpuNanos() >= 0 && r.machineTicks() >= 0;
            serverTicks += r.serverTicks();
            clientNanos += r.clientCpuNanos();
            other += Math.max(0, (r.machineTicks() - r.serversTicks()) / (double) clockTicks - r.clientCpuNanos() / 1e9);
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double minRps = rounds.stream().mapToDouble(Result::rps).min().orElse(0);
        double maxRps = rounds.stream().mapToDouble(Result::rps).max().orElse(0);
        return new Row(ok, errors, seconds, percentile(all, 0.5), percentile(all, 0.99),
                cpuKnown && ok > 0 ? serverTicks * 1e6 / clockTicks / ok : Double.NaN,
                cpuKnown && ok > 0 ? clientNanos / 1e3 / ok : Double.NaN,
                cpuKnown ? other / seconds / cpus : Double.NaN, minRps, maxRps);
    }

    boolean report(Map<String, List<Result>> results, Target on, Target off, int[] concurrencies, int rounds,
                   double duration, Map<String, Double> warmups, Map<String, String> args, int policies) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("2. Signed ECS DescribeTasks (one unknown task id of the default cluster: full SigV4 "
                + "check and authorization, answer 200 with a MISSING failure) over HTTP/1.1 keep-alive\n");
        out.append("   on:  Berth --iam-enforcement on,  signed by IAM user ").append(USER).append(" with ")
                .append(policies).append(" attached managed policies (")
                .append(policies == 10 ? "the documents of part 1" : "only the first " + policies + " of part 1's documents")
                .append(")\n");
        out.append("   off: Berth --iam-enforcement off, signed by the root keys (same jar, separate process and data dir)\n");
        out.append("   machine: ").append(cpus).append(" CPUs (nproc)");
        if (args.containsKey("cpu-model")) {
            out.append(", ").append(args.get("cpu-model"));
        }
        out.append("; load client on the same machine (java ").append(Runtime.version().feature())
                .append(", java.net.http, virtual threads)\n");
        if (args.containsKey("versions")) {
            out.append("   versions: ").append(args.get("versions")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "   each row: %.0f s per side in %d interleaved rounds of %.1f s "
                + "(on/off order alternating); every response checked: HTTP 200 with a MISSING failure%n",
                duration, rounds, duration / rounds));
        out.append(String.format(Locale.ROOT, "   warm-up (until 3 x 1 s windows agree within 5%% and the JITs are "
                + "quiet): on %.0f s, off %.0f s; keep-alive: %s%n", warmups.get("on"), warmups.get("off"),
                on.notes().containsKey("closed") || off.notes().containsKey("closed") ? "NOT kept by a server" : "kept by both"));
        out.append("   set-up checks: ").append(on.notes().getOrDefault("checks", "-")).append("\n\n");

        String header = String.format(Locale.ROOT, "   %4s | %9s %7s %7s %4s | %9s %7s %7s %4s | %7s %15s",
                "conc", "on r/s", "p50 ms", "p99 ms", "err", "off r/s", "p50 ms", "p99 ms", "err", "on/off",
                "rounds on/off");
        out.append(header).append('\n').append("   ").append("-".repeat(header.length() - 3)).append('\n');
        boolean clean = true;
        double worstRatio = Double.MAX_VALUE;
        int worstConcurrency = 0;
        Map<Integer, Row[]> rows = new LinkedHashMap<>();
        for (int c : concurrencies) {
            List<Result> onRounds = results.get("on/" + c);
            List<Result> offRounds = results.get("off/" + c);
            Row a = merge(onRounds);
            Row b = merge(offRounds);
            rows.put(c, new Row[] {a, b});
            double ratio = a.rps() / b.rps();
            double[] perRound = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perRound[r] = onRounds.get(r).rps() / offRounds.get(r).rps();
            }
            Arrays.sort(perRound);
            out.append(String.format(Locale.ROOT, "   %4d | %9.0f %7.2f %7.2f %4d | %9.0f %7.2f %7.2f %4d | %6.3f  %6.3f..%-6.3f%n",
                    c, a.rps(), ms(a.p50()), ms(a.p99()), a.errors(), b.rps(), ms(b.p50()), ms(b.p99()), b.errors(),
                    ratio, perRound[0], perRound[rounds - 1]));
            clean &= a.errors() == 0 && b.errors() == 0 && a.ok() > 0 && b.ok() > 0;
            if (ratio < worstRatio) {
                worstRatio = ratio;
                worstConcurrency = c;
            }
        }
        out.append('\n').append("   CPU time per request of the Berth process [and of the load client]; other load "
                + "(processes besides both Berths and the client, and steal):\n");
        for (Map.Entry<Integer, Row[]> e : rows.entrySet()) {
            Row a = e.getValue()[0];
            Row b = e.getValue()[1];
            out.append(String.format(Locale.ROOT, "     c=%-2d  on %5.0f µs [%4.0f µs]   off %5.0f µs [%4.0f µs]   "
                    + "difference %+5.0f µs (%+.1f%%)   other load %.0f%% / %.0f%% of all CPUs%n", e.getKey(),
                    a.serverMicros(), a.clientMicros(), b.serverMicros(), b.clientMicros(),
                    a.serverMicros() - b.serverMicros(), 100 * (a.serverMicros() / b.serverMicros() - 1),
                    100 * a.otherLoad(), 100 * b.otherLoad()));
        }

        double cost = 1 - worstRatio;
        boolean met = cost < TARGET_MAX_COST && clean;
        out.append('\n').append(String.format(Locale.ROOT,
                "3. Throughput ratio enforcement on / off: %s%n", String.join(", ", rows.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "c=%d %.3f", e.getKey(),
                                e.getValue()[0].rps() / e.getValue()[1].rps())).toList())));
        out.append(String.format(Locale.ROOT, "   target (printed, not asserted): enforcement costs < %.0f%% of "
                + "throughput (on/off >= %.2f at every concurrency)%n", 100 * TARGET_MAX_COST, 1 - TARGET_MAX_COST));
        out.append(String.format(Locale.ROOT, "   summary: %s | worst c=%d: on/off %.3f, enforcement costs %.1f%% of "
                + "throughput%s%n", met ? "TARGET MET" : "TARGET MISSED", worstConcurrency, worstRatio, 100 * cost,
                clean ? "" : " | ERRORS: some responses were not 200 with a MISSING failure"));
        System.out.print(out);
        System.out.flush();
        return clean;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------------------------- arguments

    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new LinkedHashMap<>();
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
