package io.berth.ecs;

import io.berth.ec2.Eni;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.runtime.ContainerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.named;
import static io.berth.ecs.TaskDefinitionRequests.register;
import static org.assertj.core.api.Assertions.assertThat;

/** The task lifecycle as a pure function, step by step, against made-up runtime observations. */
class TaskLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);

    /**
     * Every (from, to) pair of statuses, written out: {@code X} allowed, {@code .} refused. Rows are
     * the status a task is in, columns the one it would move to, both in lifecycle order.
     */
    private static final String[] TRANSITIONS = {
            //           PROV PEND ACTI RUNN DEAC STOP DEPR STPD
            "PROVISIONING   .    X    X    X    X    X    X    X",
            "PENDING        .    .    X    X    X    X    X    X",
            "ACTIVATING     .    .    .    X    X    X    X    X",
            "RUNNING        .    .    .    .    X    X    X    X",
            "DEACTIVATING   .    .    .    .    .    X    X    X",
            "STOPPING       .    .    .    .    .    .    X    X",
            "DEPROVISIONING .    .    .    .    .    .    .    X",
            "STOPPED        .    .    .    .    .    .    .    .",
    };

    static Stream<Arguments> everyTransition() {
        assertThat(TRANSITIONS).hasSize(TaskStatus.values().length);
        return Arrays.stream(TRANSITIONS).flatMap(row -> {
            String[] cells = row.trim().split("\\s+");
            assertThat(cells).hasSize(TaskStatus.values().length + 1);
            TaskStatus from = TaskStatus.valueOf(cells[0]);
            return Arrays.stream(TaskStatus.values())
                    .map(to -> Arguments.of(from, to, cells[to.ordinal() + 1].equals("X")));
        });
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyTransition")
    void everyStatusTransitionIsAllowedOrRefusedAsTheTableSays(TaskStatus from, TaskStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void theTableNamesEveryStatusOnceInLifecycleOrder() {
        assertThat(Arrays.stream(TRANSITIONS).map(row -> row.trim().split("\\s+")[0]))
                .containsExactly(Arrays.stream(TaskStatus.values()).map(Enum::name).toArray(String[]::new));
    }

    private static StoredTask launched(String... containers) {
        TaskDefinition definition = register(fargate("", containers));
        AtomicInteger ids = new AtomicInteger();
        Cluster cluster = new Cluster("arn:aws:ecs:us-east-1:123456789012:cluster/c", "c", null, "ACTIVE", 0, 0, 0, 0,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        RunTaskRequest request = new RunTaskRequest(null, "c", 1, null, null, null, "FARGATE", null, null, null, null,
                null, null, null, null, null, "web:3", null);
        Task task = TaskLaunch.newTask("arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef",
                cluster, definition, definition, request, new TaskLaunch.Placement("FARGATE", null), List.of(),
                () -> String.format("%032x", ids.incrementAndGet()), null, "us-east-1a", NOW.minusSeconds(10));
        return new StoredTask(task, definition, null, null, null, null, 0, null);
    }

    private static ContainerStatus status(String id, ContainerStatus.State state, Integer exitCode, boolean oom) {
        return new ContainerStatus(id, Map.of(), state, exitCode, oom, null, null, null, null);
    }

    private static Observation seen(ContainerStatus sandbox, Map<String, ContainerStatus> containers) {
        return new Observation(Optional.ofNullable(sandbox), containers);
    }

    private static TaskLifecycle.Step step(StoredTask task, Observation seen) {
        return TaskLifecycle.step(task, seen, NOW, RETENTION);
    }

    @Test
    void aTaskGoesThroughEveryStatusOfTheLifecycle() {
        StoredTask task = launched(named("main", ""));
        ContainerStatus sandbox = status("sandbox", ContainerStatus.State.RUNNING, null, false);
        Map<String, ContainerStatus> containers = new HashMap<>();

        TaskLifecycle.Step s = step(task, seen(null, containers));
        assertThat(s.effect()).isInstanceOf(TaskEffect.StartSandbox.class);
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("PENDING");
        assertThat(s.task().sandboxId()).isEqualTo("sandbox");
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.effect()).isEqualTo(new TaskEffect.CreateContainers(List.of("main")));
        assertThat(s.task().task().pullStartedAt()).isEqualTo(NOW);
        containers.put("main", status("c1", ContainerStatus.State.CREATED, null, false));
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("ACTIVATING");
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.effect()).isEqualTo(new TaskEffect.StartContainers(List.of("main")));
        containers.put("main", status("c1", ContainerStatus.State.RUNNING, null, false));
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("RUNNING");
        assertThat(s.task().task().startedAt()).isEqualTo(NOW);
        assertThat(s.task().task().containers().getFirst().lastStatus()).isEqualTo("RUNNING");

        containers.put("main", status("c1", ContainerStatus.State.EXITED, 137, true));
        s = step(s.task(), seen(sandbox, containers));
        Task stopping = s.task().task();
        assertThat(stopping.lastStatus()).isEqualTo("DEACTIVATING");
        assertThat(stopping.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(stopping.containers().getFirst().exitCode()).isEqualTo(137);
        assertThat(stopping.containers().getFirst().reason()).isEqualTo(TaskLifecycle.OOM_REASON);
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("STOPPING");
        assertThat(s.effect()).isInstanceOf(TaskEffect.Wait.class);
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("DEPROVISIONING");
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.effect()).isEqualTo(new TaskEffect.RemoveSandbox("sandbox"));
        s = step(s.task(), seen(null, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("STOPPED");
        assertThat(s.task().task().stoppedAt()).isEqualTo(NOW);

        assertThat(TaskLifecycle.step(s.task(), seen(null, containers), NOW.plus(RETENTION).plusSeconds(1), RETENTION)
                .effect()).isInstanceOf(TaskEffect.Prune.class);
        assertThat(step(s.task(), seen(null, containers)).effect()).isInstanceOf(TaskEffect.Wait.class);
    }

    @Test
    void runningContainersAreStoppedWithTheirStopTimeout() {
        StoredTask task = TaskLifecycle.stopRequested(launched(named("main", "'stopTimeout':7")), "UserInitiated",
                "bye", NOW);
        Map<String, ContainerStatus> containers = Map.of("main", status("c1", ContainerStatus.State.RUNNING, null, false));
        ContainerStatus sandbox = status("sandbox", ContainerStatus.State.RUNNING, null, false);

        TaskLifecycle.Step s = step(task, seen(sandbox, containers));
        assertThat(s.task().task().lastStatus()).isEqualTo("DEACTIVATING");
        s = step(s.task(), seen(sandbox, containers));
        assertThat(s.effect()).isEqualTo(new TaskEffect.StopContainers(Map.of("main", Duration.ofSeconds(7))));
        assertThat(TaskLifecycle.stopRequested(s.task(), "UserInitiated", "again", NOW).task().stoppedReason())
                .isEqualTo("bye");
    }

    @Test
    void dependenciesGateStartsAndAFailedSuccessDependencyFailsTheTask() {
        StoredTask task = launched(named("init", "'essential':false"),
                named("main", "'dependsOn':[{'containerName':'init','condition':'SUCCESS'}]"));
        ContainerStatus sandbox = status("sandbox", ContainerStatus.State.RUNNING, null, false);
        StoredTask activating = new StoredTask(withStatus(task.task(), "ACTIVATING"), task.definition(), "sandbox", null, null, null, 0, null);

        Map<String, ContainerStatus> created = Map.of(
                "init", status("i", ContainerStatus.State.CREATED, null, false),
                "main", status("m", ContainerStatus.State.CREATED, null, false));
        assertThat(step(activating, seen(sandbox, created)).effect())
                .isEqualTo(new TaskEffect.StartContainers(List.of("init")));

        Map<String, ContainerStatus> succeeded = Map.of(
                "init", status("i", ContainerStatus.State.EXITED, 0, false),
                "main", status("m", ContainerStatus.State.CREATED, null, false));
        assertThat(step(activating, seen(sandbox, succeeded)).effect())
                .isEqualTo(new TaskEffect.StartContainers(List.of("main")));

        Map<String, ContainerStatus> failed = Map.of(
                "init", status("i", ContainerStatus.State.EXITED, 3, false),
                "main", status("m", ContainerStatus.State.CREATED, null, false));
        Task stopped = step(activating, seen(sandbox, failed)).task().task();
        assertThat(stopped.stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    }

    @Test
    void aVanishedSandboxStopsARunningTask() {
        StoredTask task = launched(named("main", ""));
        StoredTask running = new StoredTask(withStatus(task.task(), "RUNNING"), task.definition(), "sandbox", null, null, null, 0, null);
        Map<String, ContainerStatus> containers = Map.of("main", status("c1", ContainerStatus.State.RUNNING, null, false));

        Task stopping = step(running, seen(null, containers)).task().task();

        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCode()).isEqualTo("TerminationNotice");
    }

    @Test
    void anAwsvpcTaskIsWiredBeforeItsContainersAndReturnsItsAddressBeforeItStops() {
        ResolvedNetwork network = new ResolvedNetwork("vpc-1", "10.0.0.0/16", "subnet-1", "10.0.1.0/24", "us-east-1b",
                "10.0.1.1", List.of("sg-1"));
        StoredTask plain = launched(named("main", ""));
        Task task = TaskLaunch.newTask(plain.task().taskArn(), new Cluster("arn:aws:ecs:us-east-1:123456789012:cluster/c",
                        "c", null, "ACTIVE", 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        null, null), plain.definition(), plain.definition(),
                new RunTaskRequest(null, "c", 1, null, null, null, "FARGATE", null, null, null, null, null, null, null,
                        null, null, "web:3", null),
                new TaskLaunch.Placement("FARGATE", null), List.of(), () -> "00112233445566778899aabbccddeeff",
                network, "us-east-1a", NOW);
        assertThat(task.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(task.attachments()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
            assertThat(a.status()).isEqualTo("PRECREATED");
            assertThat(a.details()).extracting(KeyValuePair::value).containsExactly("subnet-1");
        });
        StoredTask stored = new StoredTask(task, plain.definition(), null, network, "token", null, 0, null);
        ContainerStatus sandbox = status("sandbox", ContainerStatus.State.RUNNING, null, false);

        TaskLifecycle.Step s = step(stored, seen(sandbox, Map.of()));
        assertThat(s.effect()).isEqualTo(new TaskEffect.AttachNetwork("sandbox"));
        assertThat(s.task().task().lastStatus()).isEqualTo("PROVISIONING");
        StoredTask attached = TaskLifecycle.networkAttached(s.task(), new Eni("eni-1", a(task), task.taskArn(), "vpc-1",
                "10.0.0.0/16", "subnet-1", "10.0.1.0/24", "us-east-1b", "10.0.1.4", "10.0.1.1", "02:00:00:00:00:01",
                "ip-10-0-1-4.ec2.internal", List.of("sg-1")), NOW);
        assertThat(attached.task().attachments().getFirst().status()).isEqualTo("ATTACHED");
        assertThat(attached.task().attachments().getFirst().details()).extracting(KeyValuePair::name)
                .containsExactly("subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address");
        assertThat(attached.task().containers().getFirst().networkInterfaces()).singleElement()
                .satisfies(i -> assertThat(i.privateIpv4Address()).isEqualTo("10.0.1.4"));
        assertThat(attached.task().lastStatus()).isEqualTo("PENDING");
        assertThat(attached.task().connectivity()).isEqualTo("CONNECTED");
        assertThat(step(attached, seen(sandbox, Map.of())).effect())
                .isEqualTo(new TaskEffect.CreateContainers(List.of("main")));

        StoredTask deprovisioning = new StoredTask(withStatus(TaskLifecycle.stopRequested(attached, "UserInitiated",
                "bye", NOW).task(), "DEPROVISIONING"), attached.definition(), "sandbox", network, "token", null, 0, null);
        assertThat(step(deprovisioning, seen(sandbox, Map.of())).effect())
                .isEqualTo(new TaskEffect.RemoveSandbox("sandbox"));
        assertThat(step(deprovisioning, seen(null, Map.of())).effect()).isEqualTo(new TaskEffect.ReleaseNetwork());
        StoredTask released = TaskLifecycle.networkReleased(deprovisioning);
        assertThat(released.task().attachments().getFirst().status()).isEqualTo("DETACHED");
        assertThat(step(released, seen(null, Map.of())).task().task().lastStatus()).isEqualTo("STOPPED");
    }

    private static String a(Task task) {
        return task.attachments().getFirst().id();
    }

    private static Task withStatus(Task task, String status) {
        TaskEditor editor = TaskEditor.of(task);
        editor.lastStatus = status;
        return editor.build();
    }
}
