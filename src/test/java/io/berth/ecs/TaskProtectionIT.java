package io.berth.ecs;

import io.berth.TestBerth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scale-in protection with real tasks: a protected task outlives a scale-in, a standalone task cannot be protected. */
class TaskProtectionIT {

    private static final String CLUSTER = "protection";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

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
