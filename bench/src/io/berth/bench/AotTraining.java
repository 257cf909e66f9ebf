package io.berth.bench;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.berth.bench.Args.require;
import static io.berth.bench.Stats.progress;

/**
 * The training run of Berth's ahead-of-time cache (JDK 25: JEP 483, 514, 515), which bin/berth
 * makes after each build and `bin/berth up` then starts with: the JVM loads and links the classes
 * the training used from the cache and starts with their method profiles, so a fresh Berth serves
 * near its warm speed in its first seconds.
 *
 *   AotTraining --jar BERTH_JAR --output CACHE_FILE --work DIR [--seconds 12 --concurrency 8]
 *
 * Starts {@code java -XX:AOTCacheOutput=CACHE_FILE -jar BERTH_JAR up} exactly as bin/berth runs it
 * (the cache only serves a JVM with the same class path), drives the APIs every Berth serves
 * without a container runtime with signed requests for --seconds (ECS JSON 1.1, CloudWatch Logs,
 * IAM and STS Query, EC2 Query, and error answers), then stops it with SIGTERM: the JVM writes the
 * cache as it exits. Exit status 0 when the cache was written; answers of 5xx are reported, as
 * they mean the training missed part of the path it should have taken.
 */
public final class AotTraining {

    static final String ACCESS_KEY_ID = "AKIABERTHAOTTRAINING1";
    static final String SECRET_ACCESS_KEY = "berthAotTrainingSecretKey000000000000001";
    static final AwsCredentialsIdentity KEYS = AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    static final String REGION = "us-east-1";

    private AotTraining() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Args.parse(argv);
        Path jar = Path.of(require(args, "jar"));
        Path output = Path.of(require(args, "output"));
        Path work = Path.of(require(args, "work"));
        double seconds = Double.parseDouble(args.getOrDefault("seconds", "12"));
        int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "8"));
        Files.deleteIfExists(output);

        Server berth = Server.berth("training", new Server.Berth(jar, List.of("-XX:AOTCacheOutput=" + output),
                List.of(), Map.of("BERTH_ACCESS_KEY_ID", ACCESS_KEY_ID, "BERTH_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)),
                work);
        try {
            SignedClient client = new SignedClient(berth.url);
            setUp(client);
            List<SignedClient.Signed> pool = workload(client);
            Load.Window w = Load.run(client.endpoint, pool, concurrency, seconds, r -> r.status() < 500);
            progress("AOT training: %d requests in %.1f s (%.0f req/s), %d answered 5xx or failed%s", w.ok() + w.errors(),
                    w.seconds(), w.rps(), w.errors(), w.firstError() == null ? "" : ", first: " + w.firstError());
        } finally {
            // The JVM writes the cache on its way out; that takes a while on a busy machine.
            int exit = berth.stop(Duration.ofMinutes(5));
            progress("AOT training: Berth exited (%d)", exit);
        }
        if (!Files.isRegularFile(output) || Files.size(output) == 0) {
            progress("AOT training: no cache was written; %s", Server.tail(berth.log));
            System.exit(1);
        }
        progress("AOT training: wrote %s (%d MB)", output, Files.size(output) >> 20);
    }

    /** What the workload reads: task definitions, a cluster, a log group, an IAM user. */
    static void setUp(SignedClient client) throws Exception {
        for (int revision = 1; revision <= 3; revision++) {
            client.call("RegisterTaskDefinition", client.ecs(KEYS, REGION, "RegisterTaskDefinition",
                    ApiBench.registration("training", revision)));
        }
        client.call("CreateCluster", client.ecs(KEYS, REGION, "CreateCluster", "{\"clusterName\":\"training\"}"));
        client.call("CreateLogGroup", client.json(KEYS, "logs", REGION, "Logs_20140328.CreateLogGroup",
                "{\"logGroupName\":\"/training\"}"));
        client.call("CreateUser", client.query(KEYS, "iam", REGION, "2010-05-08",
                Map.of("Action", "CreateUser", "UserName", "training")));
    }

    /** Signed requests of each API Berth serves without a container runtime, some answering errors. */
    static List<SignedClient.Signed> workload(SignedClient client) {
        List<SignedClient.Signed> pool = new ArrayList<>();
        for (String body : List.of("{\"taskDefinition\":\"training:1\"}", "{\"taskDefinition\":\"training\"}",
                "{\"taskDefinition\":\"training:2\",\"include\":[\"TAGS\"]}")) {
            pool.add(client.ecs(KEYS, REGION, "DescribeTaskDefinition", body));
        }
        pool.add(client.ecs(KEYS, REGION, "DescribeTaskDefinition", "{\"taskDefinition\":\"missing:1\"}"));
        pool.add(client.ecs(KEYS, REGION, "ListTaskDefinitions", "{\"familyPrefix\":\"training\"}"));
        pool.add(client.ecs(KEYS, REGION, "ListTaskDefinitions", "{}"));
        pool.add(client.ecs(KEYS, REGION, "ListTaskDefinitionFamilies", "{}"));
        pool.add(client.ecs(KEYS, REGION, "DescribeClusters", "{\"clusters\":[\"training\",\"missing\"]}"));
        pool.add(client.ecs(KEYS, REGION, "ListClusters", "{}"));
        pool.add(client.ecs(KEYS, REGION, "ListTasks", "{\"cluster\":\"training\"}"));
        pool.add(client.ecs(KEYS, REGION, "DescribeTasks",
                "{\"cluster\":\"training\",\"tasks\":[\"0123456789abcdef0123456789abcdef\"]}"));
        pool.add(client.json(KEYS, "logs", REGION, "Logs_20140328.DescribeLogGroups", "{}"));
        pool.add(client.json(KEYS, "logs", REGION, "Logs_20140328.DescribeLogStreams", "{\"logGroupName\":\"/training\"}"));
        pool.add(client.query(KEYS, "sts", REGION, "2011-06-15", Map.of("Action", "GetCallerIdentity")));
        pool.add(client.query(KEYS, "iam", REGION, "2010-05-08", Map.of("Action", "GetUser", "UserName", "training")));
        pool.add(client.query(KEYS, "iam", REGION, "2010-05-08", Map.of("Action", "ListUsers")));
        pool.add(client.query(KEYS, "ec2", REGION, "2016-11-15", Map.of("Action", "DescribeVpcs")));
        pool.add(client.query(KEYS, "ec2", REGION, "2016-11-15", Map.of("Action", "DescribeSecurityGroups")));
        // The benchmark's request above all: its share of the training is its share of the profile.
        int others = pool.size();
        for (int i = 0; i < others; i++) {
            pool.add(client.ecs(KEYS, REGION, "DescribeTaskDefinition", "{\"taskDefinition\":\"training:" + (1 + i % 3) + "\"}"));
        }
        return pool;
    }
}
