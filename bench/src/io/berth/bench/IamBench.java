package io.berth.bench;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.berth.bench.Args.require;
import static io.berth.bench.Stats.ms;
import static io.berth.bench.Stats.progress;

/*
 * bench/run iam: what IAM enforcement costs, in one run:
 *  1. in-process: Berth's policy engine evaluating one request of a principal with 10 attached
 *     managed policies of 5 statements each (IamPolicyBench: ns/op), which also writes those 10
 *     documents, on a quiet machine (no Berth running yet);
 *  2. over HTTP: signed ECS DescribeTasks against two Berth processes of the same jar, one with IAM
 *     enforcement on (called by an IAM user with those 10 policies attached, created through the
 *     IAM API as root) and one with --iam-enforcement off (called by the root keys), over HTTP/1.1
 *     keep-alive, at several concurrencies;
 *  3. the throughput ratio on/off and the target: enforcement costs under 10% of throughput.
 *
 *   Bench iam --jar BERTH_JAR --work DIR [--warmup 20 --duration 8 --rounds 4 --concurrency 1,8]
 *             [--policy-warmup 2 --policy-batches 15] [--jfr FILE --jfr-off FILE]
 *             [--clock-ticks 100 --cpus 2 --cpu-model TEXT --versions TEXT]
 *             [--attach N: attach only the first N documents, a diagnostic]
 *
 * Set-up, as root, through the APIs: on both, CreateCluster with no name (the "default" cluster);
 * on the enforcing Berth, IAM (Query protocol, signing name "iam", us-east-1): CreateUser,
 * CreateAccessKey, CreatePolicy for each document of part 1, AttachUserPolicy for each. Before
 * measuring it checks that the user is allowed DescribeTasks, that its policies do decide (the
 * region guard's Deny from another region, the Deny of ecs:DeleteCluster and the implicit deny of
 * ecs:UpdateCluster answer AccessDeniedException), and that root may DescribeTasks on the other Berth.
 *
 * DescribeTasks names one random task id of the default cluster that does not exist: Berth
 * authorizes ecs:DescribeTasks on arn:aws:ecs:us-east-1:ACCOUNT:task/default/ID, reads the store,
 * and answers 200 with the task under "failures" (reason MISSING); no container engine is needed.
 * Every measured response must be HTTP 200 and name a MISSING failure (so no AccessDenied).
 *
 * Signing, pool, load and warm-up as in ApiBench. Unlike ApiBench, each row is measured in
 * --rounds interleaved rounds (on, off, off, on, ...) so that drift of the machine's speed falls on
 * both sides alike; rates are total requests over total time, percentiles over all samples of the row.
 * The report goes to stdout, progress to stderr.
 */
final class IamBench {

    static final String ACCESS_KEY_ID = "AKIABERTHBENCH000002";
    static final String SECRET_ACCESS_KEY = "berthBenchSecretKey0000000000000000000002";
    static final String REGION = "us-east-1";
    static final String IAM_VERSION = "2010-05-08";
    static final int POOL_SIZE = 64;
    static final String USER = IamPolicyBench.USER;
    static final String POLICY_PATH = "/bench/";
    /** The target: enforcement costs under 10% of throughput (on/off >= 0.90), printed, not asserted. */
    static final double TARGET_MAX_COST = 0.10;
    static final byte[] MISSING = "\"MISSING\"".getBytes(StandardCharsets.US_ASCII);

    /** A Berth and the keys its requests are signed with (the enforcing one's become the IAM user's). */
    static final class Target {
        final String name;
        final SignedClient client;
        final long pid;
        AwsCredentialsIdentity keys;
        volatile boolean closed;
        String checks = "-";

        Target(String name, Server server, AwsCredentialsIdentity keys) {
            this.name = name;
            this.client = new SignedClient(server.url);
            this.pid = server.pid();
            this.keys = keys;
        }

        String name() {
            return name;
        }

        boolean closed() {
            return closed;
        }
    }

    final AwsCredentialsIdentity root = AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    final Cpu cpu;
    final int cpus;
    final List<Long> serverPids = new ArrayList<>();
    final SecureRandom random = new SecureRandom();

    IamBench(Cpu cpu, int cpus) {
        this.cpu = cpu;
        this.cpus = cpus;
    }

    static int run(String[] argv) throws Exception {
        Map<String, String> args = Args.parse(argv);
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "20"));
        double duration = Double.parseDouble(args.getOrDefault("duration", "8"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "4"));
        int[] concurrencies = Args.integers(args, "concurrency", "1,8");
        int maxConcurrency = Arrays.stream(concurrencies).max().orElse(1);
        Path work = Path.of(require(args, "work"));
        Path jar = Path.of(require(args, "jar"));
        IamBench bench = new IamBench(new Cpu(Long.parseLong(args.getOrDefault("clock-ticks", "100"))), Args.cpus(args));

        progress("part 1, policy evaluation in-process");
        Path policies = work.resolve("policies");
        if (IamPolicyBench.run(new String[] {"--policies-dir", policies.toString(),
                "--warmup", args.getOrDefault("policy-warmup", "2"), "--batches", args.getOrDefault("policy-batches", "15")}) != 0) {
            return 1;
        }
        List<Path> documents;
        try (Stream<Path> files = Files.list(policies)) {
            documents = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (args.containsKey("attach")) { // a diagnostic: only the first N documents (the first allows DescribeTasks)
            documents = documents.subList(0, Math.min(documents.size(), Integer.parseInt(args.get("attach"))));
        }

        Map<String, String> keys = Map.of("BERTH_ACCESS_KEY_ID", ACCESS_KEY_ID, "BERTH_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        try (Server onServer = Server.berth("berth-on", new Server.Berth(jar, List.of(),
                        List.of("--iam-enforcement", "on"), keys), work);
             Server offServer = Server.berth("berth-off", new Server.Berth(jar, List.of(),
                        List.of("--iam-enforcement", "off"), keys), work)) {
            if (!Files.readString(offServer.log).contains("IAM ENFORCEMENT IS OFF")) {
                throw new IllegalStateException("the second Berth does not say that enforcement is off; "
                        + Server.tail(offServer.log));
            }
            progress("Berth enforcement on: pid %d at %s; enforcement off: pid %d at %s", onServer.pid(), onServer.url,
                    offServer.pid(), offServer.url);
            if (args.containsKey("jfr")) {
                onServer.startJfr(Path.of(args.get("jfr")));
            }
            if (args.containsKey("jfr-off")) {
                offServer.startJfr(Path.of(args.get("jfr-off")));
            }
            Target on = new Target("on", onServer, bench.root);
            Target off = new Target("off", offServer, bench.root);
            List<Target> targets = List.of(on, off);
            targets.forEach(t -> bench.serverPids.add(t.pid));
            bench.setUp(on, off, documents);

            progress("part 2, signed DescribeTasks over HTTP");
            Map<String, Double> warmups = new LinkedHashMap<>();
            for (Target t : targets) {
                warmups.put(t.name(), WarmUp.run(String.format(Locale.ROOT, "%-3s c=%d", t.name(), maxConcurrency),
                        t.pid, bench.cpu.clockTicks, warmup, s -> bench.load(t, maxConcurrency, s)));
            }
            Map<String, List<Load.Window>> windows = new LinkedHashMap<>();
            Map<String, List<Cpu.Usage>> usages = new LinkedHashMap<>();
            for (int c : concurrencies) {
                for (int r = 0; r < rounds; r++) {
                    List<Target> order = r % 2 == 0 ? List.of(on, off) : List.of(off, on);
                    for (Target t : order) {
                        Cpu.Snapshot before = bench.cpu.snapshot(t.pid, bench.serverPids);
                        Load.Window w = bench.load(t, c, duration / rounds);
                        usages.computeIfAbsent(t.name() + "/" + c, k -> new ArrayList<>())
                                .add(Cpu.between(before, bench.cpu.snapshot(t.pid, bench.serverPids)));
                        windows.computeIfAbsent(t.name() + "/" + c, k -> new ArrayList<>()).add(w);
                        progress("round %d/%d %-3s c=%d %8.1f req/s p50 %.2f ms p99 %.2f ms errors %d", r + 1, rounds,
                                t.name(), c, w.rps(), ms(w.p50()), ms(w.p99()), w.errors());
                        if (w.errors() > 0) {
                            progress("  first error: %s", w.firstError());
                        }
                    }
                }
            }
            if (args.containsKey("jfr")) {
                onServer.stopJfr();
                progress("the enforcing Berth's JFR recording is in %s", args.get("jfr"));
            }
            if (args.containsKey("jfr-off")) {
                offServer.stopJfr();
                progress("the other Berth's JFR recording is in %s", args.get("jfr-off"));
            }
            boolean clean = bench.report(windows, usages, on, off, concurrencies, rounds, duration, warmups, args,
                    documents.size());
            return clean ? 0 : 2;
        }
    }

    // ---------------------------------------------------------------------------------- set-up

    void setUp(Target on, Target off, List<Path> documents) throws IOException, InterruptedException {
        if (documents.isEmpty()) {
            throw new IllegalStateException("no policy documents (*.json) from part 1");
        }
        for (Target t : List.of(on, off)) {
            String cluster = ecs(t, root, REGION, "CreateCluster", "{}");
            if (!cluster.contains("cluster/default")) {
                throw new IllegalStateException(t.name() + ": CreateCluster made no default cluster: " + cluster);
            }
        }
        progress("IAM set-up on %s as root: CreateUser %s, CreateAccessKey, CreatePolicy x%d, AttachUserPolicy x%d",
                on.client.endpoint, USER, documents.size(), documents.size());
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
        int count = ApiBench.count(attached, "<PolicyArn>");
        if (count != documents.size()) {
            throw new IllegalStateException("ListAttachedUserPolicies lists " + count + " policies, expected "
                    + documents.size() + ": " + attached);
        }
        on.keys = user;

        // The user is allowed DescribeTasks, and its policies do decide.
        String body = describeBody(randomTaskId());
        String allowed = ecs(on, user, REGION, "DescribeTasks", body);
        if (!allowed.contains("MISSING")) {
            throw new IllegalStateException("DescribeTasks as " + USER + " answered without a MISSING failure: " + allowed);
        }
        expectDenied(on, user, "ap-south-1", "DescribeTasks", body, "explicit Deny (region guard)");
        expectDenied(on, user, REGION, "DeleteCluster", "{\"cluster\":\"default\"}", "Deny of ecs:DeleteCluster");
        expectDenied(on, user, REGION, "UpdateCluster", "{\"cluster\":\"default\"}",
                "implicit deny (nothing allows ecs:UpdateCluster)");
        String rootAllowed = ecs(off, root, REGION, "DescribeTasks", body);
        if (!rootAllowed.contains("MISSING")) {
            throw new IllegalStateException("DescribeTasks as root answered without a MISSING failure: " + rootAllowed);
        }
        on.checks = "user allowed DescribeTasks; AccessDeniedException for ap-south-1, DeleteCluster, UpdateCluster";
        progress("checked: %s", on.checks);
    }

    void expectDenied(Target t, AwsCredentialsIdentity keys, String signingRegion, String operation, String body,
                      String why) throws IOException, InterruptedException {
        HttpResponse<String> response = t.client.send(t.client.ecs(keys, signingRegion, operation, body));
        if (response.statusCode() != 400 || !response.body().contains("AccessDeniedException")) {
            throw new IllegalStateException("expected AccessDeniedException (" + why + ") for " + operation + " in "
                    + signingRegion + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    String ecs(Target t, AwsCredentialsIdentity keys, String signingRegion, String operation, String body)
            throws IOException, InterruptedException {
        return t.client.call(t.name() + " " + operation, t.client.ecs(keys, signingRegion, operation, body));
    }

    /** An IAM Query call as root, which must answer 200; the XML. */
    String iam(Target t, Map<String, String> parameters) throws IOException, InterruptedException {
        return t.client.call(t.name() + " IAM " + parameters.get("Action"),
                t.client.query(root, "iam", "us-east-1", IAM_VERSION, parameters));
    }

    static String xml(String body, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no <" + element + "> in " + body);
        }
        return m.group(1);
    }

    String randomTaskId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static String describeBody(String taskId) {
        return "{\"cluster\":\"default\",\"tasks\":[\"" + taskId + "\"]}";
    }

    // ---------------------------------------------------------------------------------- load

    List<SignedClient.Signed> pool(Target t) {
        List<SignedClient.Signed> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(t.client.ecs(t.keys, REGION, "DescribeTasks", describeBody(randomTaskId())));
        }
        return pool;
    }

    /** {@code concurrency} workers replay freshly signed DescribeTasks; a response counts when it names MISSING. */
    Load.Window load(Target t, int concurrency, double seconds) throws InterruptedException {
        Load.Window w = Load.run(t.client.endpoint, pool(t), concurrency, seconds,
                r -> r.status() == 200 && Load.contains(r.body(), MISSING));
        if (w.closed()) {
            t.closed = true;
        }
        return w;
    }

    // ---------------------------------------------------------------------------------- report

    /** A row's rounds merged: total requests over total time, percentiles over every sample. */
    record Row(long ok, long errors, double seconds, long p50, long p99, double serverMicros, double clientMicros,
               double otherLoad, double minRps, double maxRps) {
        double rps() {
            return ok / seconds;
        }
    }

    Row merge(List<Load.Window> rounds, List<Cpu.Usage> usages) {
        long ok = 0;
        long errors = 0;
        double seconds = 0;
        long serverTicks = 0;
        long clientNanos = 0;
        double other = 0;
        boolean cpuKnown = true;
        for (int i = 0; i < rounds.size(); i++) {
            Load.Window r = rounds.get(i);
            Cpu.Usage u = usages.get(i);
            ok += r.ok();
            errors += r.errors();
            seconds += r.seconds();
            cpuKnown &= u.serverTicks() >= 0 && u.clientNanos() >= 0 && u.machineTicks() >= 0;
            serverTicks += u.serverTicks();
            clientNanos += u.clientNanos();
            other += cpu.otherSeconds(u);
        }
        long[] all = rounds.stream().map(Load.Window::sorted).flatMapToLong(Arrays::stream).sorted().toArray();
        double minRps = rounds.stream().mapToDouble(Load.Window::rps).min().orElse(0);
        double maxRps = rounds.stream().mapToDouble(Load.Window::rps).max().orElse(0);
        return new Row(ok, errors, seconds, Stats.percentile(all, 0.5), Stats.percentile(all, 0.99),
                cpuKnown && ok > 0 ? serverTicks * 1e6 / cpu.clockTicks / ok : Double.NaN,
                cpuKnown && ok > 0 ? clientNanos / 1e3 / ok : Double.NaN,
                cpuKnown ? other / seconds / cpus : Double.NaN, minRps, maxRps);
    }

    boolean report(Map<String, List<Load.Window>> windows, Map<String, List<Cpu.Usage>> usages, Target on, Target off, int[] concurrencies, int rounds,
                   double duration, Map<String, Double> warmups, Map<String, String> args, int policies) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("2. Signed ECS DescribeTasks (one unknown task id of the default cluster: full SigV4 "
                + "check and authorization, answer 200 with a MISSING failure) over HTTP/1.1 keep-alive\n");
        out.append("   on:  Berth --iam-enforcement on,  signed by IAM user ").append(USER).append(" with ")
                .append(policies).append(" attached managed policies (")
                .append(policies == IamPolicyBench.POLICIES ? "the documents of part 1" : "only the first " + policies + " of part 1's documents")
                .append(")\n");
        out.append("   off: Berth --iam-enforcement off, signed by the root keys (same jar, separate process and data dir)\n");
        out.append("   machine: ").append(cpus).append(" CPUs (nproc)");
        if (args.containsKey("cpu-model")) {
            out.append(", ").append(args.get("cpu-model"));
        }
        out.append("; load client on the same machine (java ").append(Runtime.version().feature())
                .append(", a raw HTTP/1.1 client: one connection per worker, virtual threads)\n");
        if (args.containsKey("versions")) {
            out.append("   versions: ").append(args.get("versions")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "   each row: %.0f s per side in %d interleaved rounds of %.1f s "
                + "(on/off order alternating); every response checked: HTTP 200 with a MISSING failure%n",
                duration, rounds, duration / rounds));
        out.append(String.format(Locale.ROOT, "   warm-up (until 3 x 1 s windows agree within 5%% and the JITs are "
                + "quiet): on %.0f s, off %.0f s; keep-alive: %s%n", warmups.get("on"), warmups.get("off"),
                on.closed() || off.closed() ? "NOT kept by a server" : "kept by both"));
        out.append("   set-up checks: ").append(on.checks).append("\n\n");

        Table table = new Table("   ").column("conc", "%4d")
                .group().column("on r/s", "%9.0f").column("p50 ms", "%7.2f").column("p99 ms", "%7.2f").column("err", "%4d")
                .group().column("off r/s", "%9.0f").column("p50 ms", "%7.2f").column("p99 ms", "%7.2f").column("err", "%4d")
                .group().column("on/off", "%7.3f").column("rounds on/off", "%15s");
        boolean clean = true;
        double worstRatio = Double.MAX_VALUE;
        int worstConcurrency = 0;
        Map<Integer, Row[]> rows = new LinkedHashMap<>();
        for (int c : concurrencies) {
            List<Load.Window> onRounds = windows.get("on/" + c);
            List<Load.Window> offRounds = windows.get("off/" + c);
            Row a = merge(onRounds, usages.get("on/" + c));
            Row b = merge(offRounds, usages.get("off/" + c));
            rows.put(c, new Row[] {a, b});
            double ratio = a.rps() / b.rps();
            double[] perRound = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perRound[r] = onRounds.get(r).rps() / offRounds.get(r).rps();
            }
            Arrays.sort(perRound);
            table.row(c, a.rps(), ms(a.p50()), ms(a.p99()), a.errors(), b.rps(), ms(b.p50()), ms(b.p99()), b.errors(),
                    ratio, String.format(Locale.ROOT, "%6.3f..%-6.3f", perRound[0], perRound[rounds - 1]));
            clean &= a.errors() == 0 && b.errors() == 0 && a.ok() > 0 && b.ok() > 0;
            if (ratio < worstRatio) {
                worstRatio = ratio;
                worstConcurrency = c;
            }
        }
        out.append(table);
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

}
