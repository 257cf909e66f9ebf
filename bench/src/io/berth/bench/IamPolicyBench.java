package io.berth.bench;

/*
 * In-process part of bench/iam: the cost of IAM policy evaluation for one request of a principal
 * with 10 attached managed policies of 5 statements each, calling Berth's policy engine
 * (io.berth.iam.policy) directly. Also writes those 10 policy documents to --policies-dir, so the
 * HTTP part of the benchmark (IamBench) attaches exactly the same documents to its IAM
 * user.
 *
 * Run by IamBench first (bench/run iam), with Berth's classes on the class path:
 *   [--policies-dir DIR] [--warmup 2] [--batches 15]
 *
 * The documents are validated as CreatePolicy validates them (PolicyParser.parse, IDENTITY), then
 * compiled once as authorization does (PolicyParser.parseStored, which ParsedPolicies caches).
 * Every case is warmed up (--warmup seconds), then timed in --batches batches of ~100 ms; the
 * report is the median ns/op (with the fastest and slowest batch). Results feed a sink that is
 * published through a volatile field after each batch, so the JIT cannot drop the work.
 * A loop like this keeps the policies' objects in L1/L2 and the branch predictors trained, which a
 * server handling whole HTTP requests between two evaluations does not: the "caches cold" case
 * sweeps 4 MiB (-Dbench.sweepKiB) through the caches before each evaluation and subtracts the
 * sweep's own time, measured in the same batch.
 * No JMH: it is not in the local Maven repository and this must run offline.
 */

import io.berth.iam.policy.AttachedPolicy;
import io.berth.iam.policy.AuthorizationRequest;
import io.berth.iam.policy.Decision;
import io.berth.iam.policy.Evaluation;
import io.berth.iam.policy.PolicyDocument;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;
import io.berth.iam.policy.RequestPrincipal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

import static io.berth.bench.Stats.progress;

final class IamPolicyBench {

    static final String ACCOUNT = "000000000000";
    static final String USER = "bench-user";
    static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/" + USER;
    static final String USER_ID = "AIDABERTHBENCH0000001";
    static final int POLICIES = 10;
    static final double BATCH_SECONDS = 0.1;

    /** Published after every batch so that the results are used. */
    static volatile int sink;

    /** An operation to time; with a baseline, what is reported is op minus baseline, paired per batch. */
    record Case(String name, String description, IntSupplier op, IntSupplier baseline) {
        Case(String name, String description, IntSupplier op) {
            this(name, description, op, null);
        }
    }

    /**
     * Written (one int per 64-byte line) before each operation of the "caches cold" case: by default
     * 4 MiB, twice the 2 MiB L2 per core of the machine this was written on, so the policies'
     * objects are no longer in L1/L2 (the L3 may still hold them), as
     * in a server that handles a whole HTTP request (~100 KB allocated, SQLite, SigV4) between two
     * evaluations.
     */
    static final int[] SWEEP = new int[Integer.getInteger("bench.sweepKiB", 4096) * 256];

    static int sweep() {
        int s = 0;
        for (int i = 0; i < SWEEP.length; i += 16) {
            s += SWEEP[i];
            SWEEP[i] = s;
        }
        return s;
    }

    record Timing(double medianNanos, double minNanos, double maxNanos, long opsPerBatch) {
    }

    static int run(String[] argv) throws Exception {
        Map<String, String> args = Args.parse(argv);
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "2"));
        int batches = Integer.parseInt(args.getOrDefault("batches", "15"));

        List<String> documents = policies();
        if (args.containsKey("policies-dir")) {
            Path dir = Files.createDirectories(Path.of(args.get("policies-dir")));
            for (int i = 0; i < documents.size(); i++) {
                Files.writeString(dir.resolve(String.format(Locale.ROOT, "%02d-%s.json", i, policyName(i))), documents.get(i));
            }
        }
        // As CreatePolicy validates them (throws MalformedPolicyDocument otherwise) ...
        int statements = 0;
        int conditions = 0;
        for (String json : documents) {
            PolicyDocument validated = PolicyParser.parse(json, PolicyKind.IDENTITY);
            statements += validated.statements().size();
            conditions += validated.statements().stream().mapToInt(s -> s.conditions().size()).sum();
        }
        // ... and compiled once, as PolicyAuthorizer's ParsedPolicies does.
        List<AttachedPolicy> attached = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            attached.add(new AttachedPolicy(policyArn(i), "IAM Policy", PolicyParser.parseStored(documents.get(i))));
        }
        List<PolicyDocument> compiled = attached.stream().map(AttachedPolicy::document).toList();

        RequestPrincipal principal = RequestPrincipal.user(USER_ARN, ACCOUNT, USER_ID, USER, Map.of());
        String[] resources = new String[16];
        for (int i = 0; i < resources.length; i++) {
            resources[i] = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/default/" + String.format(Locale.ROOT, "%032x", 0xbe47L * (i + 1));
        }
        Instant now = Instant.now();
        AuthorizationRequest allowed = request(principal, "ecs:DescribeTasks", resources[0], attached, "us-east-1", now);
        AuthorizationRequest denied = request(principal, "ecs:DescribeTasks", resources[0], attached, "ap-south-1", now);
        AuthorizationRequest implicit = request(principal, "ecs:UpdateCluster",
                "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/default", attached, "us-east-1", now);
        expect(allowed, Decision.ALLOWED);
        expect(denied, Decision.EXPLICIT_DENY);
        expect(implicit, Decision.IMPLICIT_DENY);

        int[] next = {0};
        List<Case> cases = List.of(
                new Case("evaluate, allowed", "PolicyEvaluator.evaluate of a prebuilt AuthorizationRequest: "
                        + "ecs:DescribeTasks, us-east-1, from 127.0.0.1",
                        () -> score(PolicyEvaluator.evaluate(allowed))),
                new Case("evaluate, caches cold", "the same, after sweeping " + SWEEP.length / 256
                        + " KiB through the caches; the sweep's own time, measured in the same batch, "
                        + "subtracted", () -> sweep() + score(PolicyEvaluator.evaluate(allowed)), IamPolicyBench::sweep),
                new Case("evaluate, explicit deny", "the same from region ap-south-1 (a region-guard Deny applies)",
                        () -> score(PolicyEvaluator.evaluate(denied))),
                new Case("evaluate, implicit deny", "ecs:UpdateCluster: nothing allows it",
                        () -> score(PolicyEvaluator.evaluate(implicit))),
                new Case("build + evaluate, allowed", "what PolicyAuthorizer.allows does per request once the user, "
                        + "its policies and their parses are cached: builder, 10 AttachedPolicy, the 5 global "
                        + "condition keys (aws:CurrentTime formatted), build (copies, key normalisation), isAllowed",
                        () -> {
                            int i = next[0]++ & (resources.length - 1);
                            Instant at = now.plusMillis(i);
                            AuthorizationRequest.Builder b = AuthorizationRequest.builder(principal, "ecs:DescribeTasks", resources[i]);
                            for (AttachedPolicy p : attached) {
                                b.identityPolicy(new AttachedPolicy(p.sourceId(), "IAM Policy", p.document()));
                            }
                            b.context("aws:RequestedRegion", "us-east-1")
                                    .context("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(at))
                                    .context("aws:EpochTime", String.valueOf(at.getEpochSecond()))
                                    .context("aws:SecureTransport", "false")
                                    .context("aws:SourceIp", "127.0.0.1");
                            return PolicyEvaluator.isAllowed(b.build()) ? 1 : 0;
                        }),
                new Case("parseStored x10", "compiling all 10 documents (once per document text in Berth: ParsedPolicies)",
                        () -> {
                            int s = 0;
                            for (String json : documents) s += PolicyParser.parseStored(json).statements().size();
                            return s;
                        }));

        progress("policies: %d documents, %d statements, %d conditions, %d to %d characters; principal %s",
                documents.size(), statements, conditions, documents.stream().mapToInt(String::length).min().orElse(0),
                documents.stream().mapToInt(String::length).max().orElse(0), USER_ARN);
        Map<String, Timing> timings = new HashMap<>();
        for (Case c : cases) {
            timings.put(c.name(), time(c, warmup, batches));
            Timing t = timings.get(c.name());
            progress("timed    %-26s median %,10.0f ns/op (batches %,.0f .. %,.0f, %,d ops each)", c.name(),
                    t.medianNanos(), t.minNanos(), t.maxNanos(), t.opsPerBatch());
        }

        StringBuilder out = new StringBuilder();
        out.append("1. Policy evaluation in-process (io.berth.iam.policy, ").append("java ")
                .append(Runtime.version().feature()).append(", one thread, no JMH: ")
                .append(String.format(Locale.ROOT, "%.0f s warm-up, median of %d batches of ~%.0f ms per case)%n",
                        warmup, batches, BATCH_SECONDS * 1000));
        out.append(String.format(Locale.ROOT, "   principal: IAM user with %d attached managed policies, %d statements, "
                + "%d conditions (Allow/Deny, NotAction, wildcards, ${aws:username}, StringEquals/StringNotEquals "
                + "aws:RequestedRegion, IpAddress/NotIpAddress aws:SourceIp, DateGreaterThan, ArnLike, ...)%n",
                documents.size(), statements, conditions));
        Table table = new Table("   ").column("case", "%-26s").column("median ns/op", "%12.0f")
                .column("min ns/op", "%12.0f").column("max ns/op", "%12.0f");
        for (Case c : cases) {
            Timing t = timings.get(c.name());
            table.row(c.name(), t.medianNanos(), t.minNanos(), t.maxNanos());
        }
        out.append(table);
        for (Case c : cases) {
            out.append("   ").append(c.name()).append(": ").append(c.description()).append('\n');
        }
        System.out.print(out);
        System.out.flush();
        return 0;
    }

    static AuthorizationRequest request(RequestPrincipal principal, String action, String resource,
                                        List<AttachedPolicy> policies, String region, Instant now) {
        AuthorizationRequest.Builder b = AuthorizationRequest.builder(principal, action, resource);
        policies.forEach(b::identityPolicy);
        return b.context("aws:RequestedRegion", region)
                .context("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(now))
                .context("aws:EpochTime", String.valueOf(now.getEpochSecond()))
                .context("aws:SecureTransport", "false")
                .context("aws:SourceIp", "127.0.0.1")
                .build();
    }

    static void expect(AuthorizationRequest request, Decision decision) {
        Evaluation e = PolicyEvaluator.evaluate(request);
        if (e.decision() != decision) {
            throw new IllegalStateException(request.action() + " in " + request.contextValues("aws:RequestedRegion")
                    + ": expected " + decision + ", got " + e.decision() + " " + e.matchedStatements());
        }
    }

    static int score(Evaluation e) {
        return e.decision().ordinal() * 31 + e.matchedStatements().size() + e.missingContextValues().size();
    }

    /** Warms up, sizes a batch to ~100 ms, then times the batches; ns per operation. */
    static Timing time(Case c, double warmupSeconds, int batches) {
        IntSupplier op = c.op();
        IntSupplier baseline = c.baseline();
        long n = 64;
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            if (baseline != null) run(baseline, n);
            long t = run(op, n);
            if (t < BATCH_SECONDS * 1e9 / 4) n *= 2;
        }
        // size from the last warm-up batches
        long t = run(op, n);
        n = Math.max(1, (long) (n * BATCH_SECONDS * 1e9 / Math.max(1, t)));
        double[] perOp = new double[batches];
        for (int b = 0; b < batches; b++) {
            long base = baseline == null ? 0 : run(baseline, n);
            perOp[b] = (run(op, n) - base) / (double) n;
        }
        Arrays.sort(perOp);
        double median = batches % 2 == 1 ? perOp[batches / 2] : (perOp[batches / 2 - 1] + perOp[batches / 2]) / 2;
        return new Timing(median, perOp[0], perOp[batches - 1], n);
    }

    /** Runs {@code n} operations; the nanoseconds they took. */
    static long run(IntSupplier op, long n) {
        int acc = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            acc += op.getAsInt();
        }
        long elapsed = System.nanoTime() - t0;
        sink = acc;
        return elapsed;
    }

    // ---------------------------------------------------------------------------------- policies

    static String policyName(int i) {
        return switch (i) {
            case 0 -> "EcsOperators";
            case 1 -> "Guardrails";
            default -> switch (i % 4) {
                case 0 -> "TeamLogs" + i;
                case 1 -> "TeamData" + i;
                case 2 -> "TeamEcs" + i;
                default -> "TeamReadOnly" + i;
            };
        };
    }

    static String policyArn(int i) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/bench/" + policyName(i);
    }

    /**
     * Ten managed policies of five statements each, as a team's IAM set-up might hold them: an
     * ECS operators policy (allows ecs:Describe* in two regions), guardrails (region and network
     * Denies that do not apply to the benchmark's requests), and per-team policies for logs, S3,
     * ECS (one allows ecs:DescribeTasks on the default cluster from 127.0.0.0/8) and read-only use.
     */
    static List<String> policies() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < POLICIES; i++) {
            String team = "team-" + i;
            String json = switch (i) {
                case 0 -> document(
                        statement("EcsRead", "Allow", "Action", List.of("ecs:Describe*", "ecs:List*"), "Resource", List.of("*"),
                                condition("StringEquals", "aws:RequestedRegion", "us-east-1", "eu-west-1")),
                        statement("EcsLaunchWeb", "Allow", "Action", List.of("ecs:RunTask", "ecs:StartTask"), "Resource",
                                List.of("arn:aws:ecs:*:" + ACCOUNT + ":task-definition/web-*:*"), null),
                        statement("EcsStopFromOffice", "Allow", "Action", List.of("ecs:StopTask"), "Resource",
                                List.of("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/default/*"),
                                condition("IpAddress", "aws:SourceIp", "10.0.0.0/8", "127.0.0.0/8")),
                        statement("NoDestroy", "Deny", "Action", List.of("ecs:DeleteCluster", "ecs:DeregisterTaskDefinition"),
                                "Resource", List.of("*"), null),
                        statement("PassTaskRoles", "Allow", "Action", List.of("iam:PassRole"), "Resource",
                                List.of("arn:aws:iam::" + ACCOUNT + ":role/ecs-task-*"),
                                condition("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com")));
                case 1 -> document(
                        statement("RegionGuard", "Deny", "NotAction", List.of("iam:*", "sts:*", "organizations:*"),
                                "Resource", List.of("*"), condition("StringNotEquals", "aws:RequestedRegion",
                                        "us-east-1", "eu-west-1", "eu-central-1")),
                        statement("NetworkGuard", "Deny", "Action", List.of("*"), "Resource", List.of("*"),
                                condition("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "172.16.0.0/12",
                                        "192.168.0.0/16", "127.0.0.0/8")),
                        statement("Expiry", "Deny", "Action", List.of("*"), "Resource", List.of("*"),
                                condition("DateGreaterThan", "aws:CurrentTime", "2099-12-31T23:59:59Z")),
                        statement("WhoAmI", "Allow", "Action", List.of("sts:GetCallerIdentity"), "Resource", List.of("*"), null),
                        statement("NoIamWrites", "Deny", "Action", List.of("iam:Create*", "iam:Delete*", "iam:Put*", "iam:Attach*"),
                                "Resource", List.of("*"), null));
                default -> switch (i % 4) {
                    case 0 -> document(
                            statement("ReadLogs", "Allow", "Action", List.of("logs:GetLogEvents", "logs:FilterLogEvents", "logs:Describe*"),
                                    "Resource", List.of("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/ecs/" + team + "/*"), null),
                            statement("WriteLogs", "Allow", "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                    "Resource", List.of("arn:aws:logs:*:" + ACCOUNT + ":log-group:/ecs/" + team + "/*:log-stream:*"), null),
                            statement("KeepLogs", "Deny", "Action", List.of("logs:DeleteLogGroup", "logs:DeleteLogStream"),
                                    "Resource", List.of("*"), null),
                            statement("Metrics", "Allow", "Action", List.of("cloudwatch:GetMetricData", "cloudwatch:List*"),
                                    "Resource", List.of("*"), condition("StringEquals", "aws:RequestedRegion", "us-east-1")),
                            statement("TeamTaskDefinitions", "Allow", "Action", List.of("ecs:DescribeTaskDefinition"),
                                    "Resource", List.of("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/" + team + "-*:*"), null));
                    case 1 -> document(
                            statement("ListHome", "Allow", "Action", List.of("s3:ListBucket"), "Resource",
                                    List.of("arn:aws:s3:::" + team + "-data"),
                                    condition("StringLike", "s3:prefix", "home/${aws:username}/*")),
                            statement("OwnObjects", "Allow", "Action", List.of("s3:GetObject", "s3:PutObject"), "Resource",
                                    List.of("arn:aws:s3:::" + team + "-data/home/${aws:username}/*"), null),
                            statement("KeepBuckets", "Deny", "Action", List.of("s3:DeleteBucket*"), "Resource",
                                    List.of("arn:aws:s3:::" + team + "-*"), null),
                            statement("Locate", "Allow", "Action", List.of("s3:GetBucketLocation", "s3:ListAllMyBuckets"),
                                    "Resource", List.of("*"), null),
                            statement("SecretsOverTls", "Deny", "Action", List.of("s3:*"), "Resource",
                                    List.of("arn:aws:s3:::" + team + "-secrets", "arn:aws:s3:::" + team + "-secrets/*"),
                                    condition("Bool", "aws:SecureTransport", "false")));
                    case 2 -> document(
                            statement("TeamTasks", "Allow", "Action", List.of("ecs:DescribeTasks", "ecs:ListTasks", "ecs:StopTask"),
                                    "Resource", List.of("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + team + "/*",
                                            "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/" + team), null),
                            statement("TeamLaunch", "Allow", "Action", List.of("ecs:RunTask"), "Resource",
                                    List.of("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/" + team + "-*:*"),
                                    condition("ArnLike", "ecs:cluster", "arn:aws:ecs:*:" + ACCOUNT + ":cluster/" + team)),
                            statement("ProdStopOnlyOps", "Deny", "Action", List.of("ecs:StopTask"), "Resource",
                                    List.of("arn:aws:ecs:*:*:task/prod-*/*"),
                                    condition("StringNotEquals", "aws:PrincipalTag/team", "ops")),
                            statement("TagOwn", "Allow", "Action", List.of("ecs:TagResource"), "Resource", List.of("*"),
                                    condition("StringEquals", "aws:RequestTag/team", team)),
                            statement("DefaultClusterRead", "Allow", "Action", List.of("ecs:Describe*"), "Resource",
                                    List.of("arn:aws:ecs:*:" + ACCOUNT + ":task/default/*"),
                                    condition("IpAddress", "aws:SourceIp", "127.0.0.0/8", "10.0.0.0/8")));
                    default -> document(
                            statement("Describe", "Allow", "Action", List.of("ec2:Describe*", "elasticloadbalancing:Describe*"),
                                    "Resource", List.of("*"), null),
                            statement("PullImages", "Allow", "Action",
                                    List.of("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                                    "Resource", List.of("*"), null),
                            statement("Parameters", "Allow", "Action", List.of("ssm:GetParameter*"), "Resource",
                                    List.of("arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter/" + team + "/*"), null),
                            statement("SecretParameters", "Deny", "Action", List.of("ssm:GetParameter*"), "Resource",
                                    List.of("arn:aws:ssm:*:*:parameter/" + team + "/secret/*"),
                                    condition("StringNotEqualsIfExists", "aws:PrincipalTag/role", "admin")),
                            statement("Secrets", "Allow", "Action", List.of("secretsmanager:GetSecretValue"), "Resource",
                                    List.of("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + team + "/*"),
                                    condition("NumericLessThanEquals", "aws:MultiFactorAuthAge", "3600")));
                };
            };
            out.add(json);
        }
        return out;
    }

    static String document(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String statement(String sid, String effect, String actionKey, List<String> actions, String resourceKey,
                            List<String> resources, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"" + actionKey + "\":" + strings(actions)
                + ",\"" + resourceKey + "\":" + strings(resources) + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}";
    }

    static String condition(String operator, String key, String... values) {
        return "{\"" + operator + "\":{\"" + key + "\":" + strings(List.of(values)) + "}}";
    }

    static String strings(List<String> values) {
        return values.size() == 1 ? "\"" + values.getFirst() + "\""
                : "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
    }
}
