package io.berth.ecs;

import io.berth.TestBerth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ProtectedTask;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scale-in protection with real tasks: a protected task outlives a scale-in, a standalone task cannot
 * be protected, and a task protects itself through the agent endpoint at ECS_AGENT_URI.
 */
class TaskProtectionIT {

    private static final String CLUSTER = "protection";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String GROUP = "/ecs/protection";
    /** A task that protects itself through ECS_AGENT_URI, as code on Fargate does, and reads it back. */
    private static final String SELF_PROTECTING = """
            import json, os, time, urllib.request
            uri = os.environ['ECS_AGENT_URI'] + '/task-protection/v1/state'
            def call(method, body=None):
                data = None if body is None else json.dumps(body).encode()
                request = urllib.request.Request(uri, data=data, method=method,
                                                 headers={'Content-Type': 'application/json'})
                with urllib.request.urlopen(request, timeout=10) as r:
                    return r.read().decode()
            print('BEFORE', call('GET'), flush=True)
            print('PUT', call('PUT', {'ProtectionEnabled': True, 'ExpiresInMinutes': 60}), flush=True)
            print('AFTER', call('GET'), flush=True)
            print('DONE', flush=True)
            time.sleep(600)
            """;

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static EcsWaiter waiter;
    static String subnet;
    static String definition;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        subnet = berth.defaultSubnetId();
        waiter = EcsWaiter.builder().client(ecs).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .maxAttempts(180).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(500))).build()).build();
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        definition = ecs.registerTaskDefinition(r -> r.family("worker").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("main").image("berth-test/busybox:latest")
                        .command("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait").stopTimeout(2).build()))
                .taskDefinition().taskDefinitionArn();
    }

    @AfterAll
    static void stop() {
        for (String arn : ecs.listServices(r -> r.cluster(CLUSTER)).serviceArns()) {
            ecs.deleteService(r -> r.cluster(CLUSTER).service(arn).force(true));
        }
        for (String arn : ecs.listTasks(r -> r.cluster(CLUSTER)).taskArns()) {
            ecs.stopTask(r -> r.cluster(CLUSTER).task(arn));
        }
        waiter.close();
        ecs.close();
        berth.close();
    }

    @Test
    void aTaskProtectsItselfThroughTheAgentEndpoint() throws Exception {
        try (CloudWatchLogsClient logs = berth.logs("us-east-1")) {
            logs.createLogGroup(r -> r.logGroupName(GROUP));
            String selfProtecting = ecs.registerTaskDefinition(r -> r.family("self-protecting")
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256")
                    .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
                    .memory("512").containerDefinitions(ContainerDefinition.builder().name("main")
                            .image("berth-boto3:latest").command("python3", "-c", SELF_PROTECTING).stopTimeout(2)
                            .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group",
                                    GROUP, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "app")))
                            .build())).taskDefinition().taskDefinitionArn();
            ecs.createService(r -> r.cluster(CLUSTER).serviceName("self").taskDefinition(selfProtecting)
                    .desiredCount(1).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))));
            String taskArn = Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> runningTasks("self"), t -> !t.isEmpty()).getFirst().taskArn();
            String stream = "app/main/" + taskArn.substring(taskArn.lastIndexOf('/') + 1);
            List<String> lines = Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> lines(logs, stream), out -> out.contains("DONE"));

            ObjectMapper json = new ObjectMapper();
            JsonNode before = json.readTree(line(lines, "BEFORE")).get("protection");
            assertThat(before.get("TaskArn").asText()).isEqualTo(taskArn);
            assertThat(before.get("ProtectionEnabled").asBoolean()).isFalse();
            assertThat(before.get("ExpirationDate").isNull()).isTrue();
            JsonNode put = json.readTree(line(lines, "PUT")).get("protection");
            assertThat(put.get("ProtectionEnabled").asBoolean()).isTrue();
            assertThat(json.readTree(line(lines, "AFTER")).get("protection")).isEqualTo(put);

            ProtectedTask seen = ecs.getTaskProtection(r -> r.cluster(CLUSTER).tasks(taskArn)).protectedTasks()
                    .getFirst();
            assertThat(seen.protectionEnabled()).isTrue();
            assertThat(Instant.parse(put.get("ExpirationDate").asText())).isEqualTo(seen.expirationDate());
            assertThat(seen.expirationDate()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        }
    }

    private static List<String> lines(CloudWatchLogsClient logs, String stream) {
        try {
            return logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(stream).startFromHead(true))
                    .events().stream().map(OutputLogEvent::message).map(String::strip).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + lines))
                .substring(prefix.length() + 1);
    }

    static List<Task> runningTasks(String service) {
        List<String> arns = ecs.listTasks(r -> r.cluster(CLUSTER).serviceName(service)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(arns)).tasks().stream()
                .filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    }

    @Test
    void aProtectedTaskOutlivesAScaleInAndTheOtherStops() {
        ecs.createService(r -> r.cluster(CLUSTER).serviceName("workers").taskDefinition(definition).desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))));
        waiter.waitUntilServicesStable(r -> r.cluster(CLUSTER).services("workers")).matched().response().orElseThrow();
        // Unprotected, scale-in stops the newest task first (the lower id among equals): protect that one.
        List<Task> tasks = runningTasks("workers").stream().sorted(Comparator.comparing(Task::createdAt,
                Comparator.reverseOrder()).thenComparing(Task::taskArn)).toList();
        assertThat(tasks).hasSize(2);
        String kept = tasks.get(0).taskArn();
        String other = tasks.get(1).taskArn();

        Instant before = Instant.now();
        UpdateTaskProtectionResponse updated = ecs.updateTaskProtection(r -> r.cluster(CLUSTER).tasks(kept)
                .protectionEnabled(true).expiresInMinutes(60));
        assertThat(updated.failures()).isEmpty();
        assertThat(updated.protectedTasks()).singleElement().satisfies(p -> {
            assertThat(p.taskArn()).isEqualTo(kept);
            assertThat(p.protectionEnabled()).isTrue();
            assertThat(p.expirationDate()).isBetween(before.plus(Duration.ofMinutes(60)).minusSeconds(1),
                    Instant.now().plus(Duration.ofMinutes(60)).plusSeconds(1));
        });

        ecs.updateService(r -> r.cluster(CLUSTER).service("workers").desiredCount(1));
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Task stopped = ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(other)).tasks().getFirst();
            assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        });
        waiter.waitUntilServicesStable(r -> r.cluster(CLUSTER).services("workers")).matched().response().orElseThrow();
        assertThat(runningTasks("workers")).extracting(Task::taskArn).containsExactly(kept);

        GetTaskProtectionResponse read = ecs.getTaskProtection(r -> r.cluster(CLUSTER).tasks(kept, other));
        assertThat(read.failures()).isEmpty();
        assertThat(read.protectedTasks()).extracting(ProtectedTask::taskArn, ProtectedTask::protectionEnabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(kept, true),
                        org.assertj.core.groups.Tuple.tuple(other, false));
        assertThat(read.protectedTasks().get(0).expirationDate())
                .isEqualTo(updated.protectedTasks().getFirst().expirationDate());

        UpdateTaskProtectionResponse cleared = ecs.updateTaskProtection(r -> r.cluster(CLUSTER).tasks(kept)
                .protectionEnabled(false));
        assertThat(cleared.protectedTasks()).singleElement().satisfies(p -> {
            assertThat(p.protectionEnabled()).isFalse();
            assertThat(p.expirationDate()).isNull();
        });
    }

    @Test
    void aStandaloneTaskOrAnUnknownOneGetsEcsFailuresAndBadInputItsErrors() {
        String standalone = ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(definition).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().getFirst().taskArn();
        String unknown = "arn:aws:ecs:us-east-1:000000000000:task/" + CLUSTER + "/0123456789abcdef0123456789abcdef";

        UpdateTaskProtectionResponse response = ecs.updateTaskProtection(r -> r.cluster(CLUSTER)
                .tasks(standalone, unknown).protectionEnabled(true));
        assertThat(response.protectedTasks()).isEmpty();
        assertThat(response.failures()).containsExactly(
                Failure.builder().arn(standalone).reason("TASK_NOT_VALID").build(),
                Failure.builder().arn(unknown).reason("MISSING").build());
        assertThat(ecs.getTaskProtection(r -> r.cluster(CLUSTER).tasks(standalone)).failures())
                .containsExactly(Failure.builder().arn(standalone).reason("TASK_NOT_VALID").build());

        assertThatThrownBy(() -> ecs.updateTaskProtection(r -> r.cluster(CLUSTER).tasks(standalone)
                .protectionEnabled(true).expiresInMinutes(2881)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("expiresInMinutes must be between 1 and 2880.");
        assertThatThrownBy(() -> ecs.updateTaskProtection(r -> r.cluster(CLUSTER)
                .tasks(java.util.Collections.nCopies(11, standalone)).protectionEnabled(true)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Tasks cannot have more than 10 elements.");
    }
}
