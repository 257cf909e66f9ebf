package io.berth.ecs;

import io.berth.TestBerth;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.ecs.model.Volume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static String subnet;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        subnet = berth.defaultSubnetId();
        ecs.createCluster(r -> r.clusterName("tasks").capacityProviders("FARGATE", "FARGATE_SPOT"));
    }

    @AfterAll
    static void stop() {
        for (String status : List.of("RUNNING", "STOPPED")) {
            for (String arn : ecs.listTasks(r -> r.cluster("tasks").desiredStatus(status)).taskArns()) {
                ecs.stopTask(r -> r.cluster("tasks").task(arn));
            }
        }
        ecs.close();
        berth.close();
    }

    static String register(String family, String cpu, String memory, List<Volume> volumes, ContainerDefinition... containers) {
        return ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu(cpu).memory(memory).volumes(volumes)
                .containerDefinitions(containers)).taskDefinition().taskDefinitionArn();
    }

    static ContainerDefinition.Builder container(String name, String script) {
        return ContainerDefinition.builder().name(name).image("busybox:latest").command("sh", "-c", script);
    }

    static RunTaskRequest.Builder run(String taskDefinition) {
        return RunTaskRequest.builder().cluster("tasks").taskDefinition(taskDefinition).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)));
    }

    static Task runOne(RunTaskRequest request) {
        RunTaskResponse response = ecs.runTask(request);
        assertThat(response.failures()).isEmpty();
        return response.tasks().getFirst();
    }

    static Task await(String taskArn, Predicate<Task> condition, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> ecs.describeTasks(r -> r.cluster("tasks").tasks(taskArn)).tasks().getFirst(), condition::test);
    }

    static Task awaitStopped(String taskArn) {
        return await(taskArn, t -> "STOPPED".equals(t.lastStatus()), Duration.ofSeconds(60));
    }

    static Container container(Task task, String name) {
        return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anEssentialContainerExitingStopsTheTaskWithItsExitCode() {
        String td = register("exit-three", "256", "512", List.of(), container("main", "exit 3").build());
        Task started = runOne(run(td).startedBy("tests").build());

        assertThat(started.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(started.desiredStatus()).isEqualTo("RUNNING");
        assertThat(started.taskArn()).matches("arn:aws:ecs:us-east-1:000000000000:task/tasks/[0-9a-f]{32}");
        assertThat(started.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(started.platformVersion()).isEqualTo("1.4.0");

        Task stopped = awaitStopped(started.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        Container main = container(stopped, "main");
        assertThat(main.exitCode()).isEqualTo(3);
        assertThat(main.lastStatus()).isEqualTo("STOPPED");
        assertThat(main.runtimeId()).isNotBlank();
        assertThat(main.imageDigest()).startsWith("sha256:");
        assertThat(java.util.Arrays.asList(stopped.createdAt(), stopped.pullStartedAt(), stopped.pullStoppedAt(), stopped.startedAt(),
                stopped.stoppingAt(), stopped.executionStoppedAt(), stopped.stoppedAt())).doesNotContainNull().isSorted();
    }

    @Test
    void stopTaskSendsSigtermThenSigkillAfterTheStopTimeout() {
        String td = register("stubborn", "256", "512", List.of(),
                container("main", "trap '' TERM; while true; do sleep 1; done").stopTimeout(2).build());
        Task started = runOne(run(td).build());
        await(started.taskArn(), t -> "RUNNING".equals(t.lastStatus()), Duration.ofSeconds(30));

        Task stopping = ecs.stopTask(r -> r.cluster("tasks").task(started.taskArn()).reason("enough")).task();
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");

        Task stopped = awaitStopped(started.taskArn());
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("enough");
        assertThat(container(stopped, "main").exitCode()).isEqualTo(137);
        assertThat(Duration.between(stopped.stoppingAt(), stopped.executionStoppedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        Task again = ecs.stopTask(r -> r.cluster("tasks").task(started.taskArn()).reason("again")).task();
        assertThat(again.stoppedReason()).isEqualTo("enough");
    }

    @Test
    void taskAndContainerLimitsAreEnforcedInsideTheContainer() {
        // Exit 42 only if the container sees its own 256 MiB limit and the task's 1 GiB envelope above it.
        String td = register("limits", "512", "1024", List.of(), container("main",
                "[ \"$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)\" = 268435456 ] "
                        + "&& grep -q '^hierarchical_memory_limit 268435456$' /sys/fs/cgroup/memory/memory.stat "
                        + "&& sleep 3 && exit 42; exit 1").memory(256).build(),
                container("sidecar", "grep -q '^hierarchical_memory_limit 1073741824$' /sys/fs/cgroup/memory/memory.stat "
                        + "&& exit 0; exit 1").essential(false).build());
        Task started = runOne(run(td).build());
        Task running = await(started.taskArn(), t -> "RUNNING".equals(t.lastStatus()), Duration.ofSeconds(30));
        String envelope = cgroupParent(container(running, "main").runtimeId());

        assertThat(readCgroup("cpu" + envelope + "/cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(readCgroup("memory" + envelope + "/memory.limit_in_bytes")).isEqualTo("1073741824");
        Task stopped = awaitStopped(started.taskArn());
        assertThat(container(stopped, "main").exitCode()).isEqualTo(42);
        assertThat(container(stopped, "sidecar").exitCode()).isEqualTo(0);
    }

    private static String cgroupParent(String containerId) {
        try {
            Process inspect = new ProcessBuilder("docker", "-H", TestBerth.dockerHost(), "inspect", "-f",
                    "{{.HostConfig.CgroupParent}}", containerId).start();
            String parent = new String(inspect.getInputStream().readAllBytes()).strip();
            assertThat(inspect.waitFor()).isZero();
            return parent;
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String readCgroup(String path) {
        try {
            return Files.readString(Path.of("/sys/fs/cgroup").resolve(path)).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aContainerAboveItsMemoryIsOomKilled() {
        String td = register("hungry", "256", "512", List.of(),
                container("main", "x=$(head -c 300000000 /dev/zero | tr '\\0' a); exit 0").memory(64).build());
        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        Container main = container(stopped, "main");
        assertThat(main.exitCode()).isEqualTo(137);
        assertThat(main.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    }

    @Test
    void dependsOnOrdersContainersAndTaskVolumesAreShared() {
        String td = register("ordered", "256", "512", List.of(Volume.builder().name("shared").build()),
                container("init", "sleep 1; echo ready > /data/flag").essential(false)
                        .mountPoints(MountPoint.builder().sourceVolume("shared").containerPath("/data").build()).build(),
                container("app", "[ \"$(cat /data/flag)\" = ready ] && exit 42; exit 1")
                        .dependsOn(ContainerDependency.builder().containerName("init").condition(ContainerCondition.SUCCESS).build())
                        .mountPoints(MountPoint.builder().sourceVolume("shared").containerPath("/data").build()).build());
        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        assertThat(container(stopped, "init").exitCode()).isZero();
        assertThat(container(stopped, "app").exitCode()).isEqualTo(42);
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
    }

    @Test
    void aFailedSuccessDependencyFailsTheTaskToStart() {
        String td = register("broken-init", "256", "512", List.of(),
                container("init", "exit 9").essential(false).build(),
                container("app", "sleep 60").dependsOn(ContainerDependency.builder().containerName("init")
                        .condition(ContainerCondition.SUCCESS).build()).build());
        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(container(stopped, "init").exitCode()).isEqualTo(9);
    }

    @Test
    void healthChecksReportTaskHealth() {
        String td = register("healthy", "256", "512", List.of(), container("main", "sleep 600")
                .healthCheck(HealthCheck.builder().command("CMD-SHELL", "true").interval(5).timeout(2).retries(1).build()).build());
        Task started = runOne(run(td).build());

        Task healthy = await(started.taskArn(), t -> t.healthStatus() == HealthStatus.HEALTHY, Duration.ofSeconds(30));
        assertThat(container(healthy, "main").healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        ecs.stopTask(r -> r.cluster("tasks").task(started.taskArn()));
    }

    @Test
    void anImageThatCannotBePulledFailsTheTask() {
        String td = register("unpullable", "256", "512", List.of(),
                ContainerDefinition.builder().name("main").image("127.0.0.1:9/absent/image:1").build());
        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(container(stopped, "main").reason()).startsWith("CannotPullContainerError");
        assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError");
    }

    @Test
    void anAbsentImageIsPulledFromItsRegistry() throws Exception {
        String registry = System.getenv("BERTH_TEST_REGISTRY");
        assertThat(registry).as("BERTH_TEST_REGISTRY, set by bin/test").isNotBlank();
        String image = registry + "/berth/busybox:1";
        new ProcessBuilder("docker", "-H", TestBerth.dockerHost(), "rmi", "-f", image).start().waitFor();
        String td = register("pulled", "256", "512", List.of(),
                ContainerDefinition.builder().name("main").image(image).command("sh", "-c", "exit 4").build());

        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        assertThat(container(stopped, "main").exitCode()).isEqualTo(4);
        assertThat(container(stopped, "main").imageDigest()).startsWith("sha256:");
        assertThat(stopped.pullStoppedAt()).isAfterOrEqualTo(stopped.pullStartedAt());
        String missing = registry + "/berth/busybox:no-such-tag";
        String absent = register("unpulled", "256", "512", List.of(),
                ContainerDefinition.builder().name("main").image(missing).build());
        Task failed = awaitStopped(runOne(run(absent).build()).taskArn());
        assertThat(container(failed, "main").reason()).startsWith("CannotPullContainerError");
    }

    @Test
    void awslogsShipsContainerOutputToCloudWatchLogs() {
        try (CloudWatchLogsClient logs = berth.logs("us-east-1")) {
            logs.createLogGroup(r -> r.logGroupName("/ecs/shipped"));
            String td = ecs.registerTaskDefinition(r -> r.family("shipped").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
                    .containerDefinitions(container("main", "echo first; echo second; echo third >&2; exit 0")
                            .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", "/ecs/shipped",
                                    "awslogs-region", "us-east-1", "awslogs-stream-prefix", "app"))).build()))
                    .taskDefinition().taskDefinitionArn();
            Task stopped = awaitStopped(runOne(run(td).build()).taskArn());
            String stream = "app/main/" + stopped.taskArn().substring(stopped.taskArn().lastIndexOf('/') + 1);

            List<String> messages = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> logs.getLogEvents(r -> r
                    .logGroupName("/ecs/shipped").logStreamName(stream).startFromHead(true)).events().stream()
                    .map(OutputLogEvent::message).toList(), m -> m.size() == 3);
            // stdout keeps its order; stderr is another stream, interleaved by the runtime's timestamps.
            assertThat(messages).containsExactlyInAnyOrder("first", "second", "third");
            assertThat(messages.indexOf("first")).isLessThan(messages.indexOf("second"));
        }
    }

    @Test
    void awslogsWithoutItsGroupFailsTheTask() {
        String td = ecs.registerTaskDefinition(r -> r.family("ungrouped").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .executionRoleArn("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")
                .containerDefinitions(container("main", "true").logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(Map.of("awslogs-group", "/ecs/absent", "awslogs-region", "us-east-1",
                                "awslogs-stream-prefix", "app"))).build())).taskDefinition().taskDefinitionArn();

        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).startsWith("ResourceInitializationError").contains("log group does not exist");
    }

    @Test
    void aClusterWithActiveTasksCannotBeDeletedAndCountsThem() {
        ecs.createCluster(r -> r.clusterName("busy"));
        String td = register("busy-work", "256", "512", List.of(), container("main", "sleep 600").stopTimeout(2).build());
        String arn = runOne(run(td).cluster("busy").build()).taskArn();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(
                ecs.describeTasks(r -> r.cluster("busy").tasks(arn)).tasks().getFirst().lastStatus()));

        assertThat(ecs.describeClusters(r -> r.clusters("busy")).clusters().getFirst().runningTasksCount()).isEqualTo(1);
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("busy"))).isInstanceOfSatisfying(EcsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterContainsTasksException"));
        ecs.stopTask(r -> r.cluster("busy").task(arn));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(
                ecs.describeTasks(r -> r.cluster("busy").tasks(arn)).tasks().getFirst().lastStatus()));
        assertThat(ecs.deleteCluster(r -> r.cluster("busy")).cluster().status()).isEqualTo("INACTIVE");
    }

    @Test
    void containersShareTheTaskNetworkNamespaceAndHonourTheirSettings() {
        String td = register("settings", "256", "512", List.of(),
                container("server", "mkdir -p /tmp/www && echo pong > /tmp/www/ping && httpd -f -p 8080 -h /tmp/www")
                        .stopTimeout(2).build(),
                container("client", "for i in $(seq 50); do wget -qO- http://127.0.0.1:8080/ping && break; usleep 100000; done "
                        + "| grep -qx pong && [ \"$MODE\" = check ] && [ \"$(pwd)\" = /tmp ] && [ \"$(id -u)\" = 65534 ] "
                        + "&& ! touch /cannot-write && [ \"$(ulimit -n)\" = 512 ] && exit 42; exit 1")
                        .environment(e -> e.name("MODE").value("check")).workingDirectory("/tmp").user("65534")
                        .readonlyRootFilesystem(true)
                        .ulimits(u -> u.name(software.amazon.awssdk.services.ecs.model.UlimitName.NOFILE).softLimit(512).hardLimit(512))
                        .linuxParameters(l -> l.initProcessEnabled(true)).build());

        Task stopped = awaitStopped(runOne(run(td).build()).taskArn());

        assertThat(container(stopped, "client").exitCode()).isEqualTo(42);
    }

    @Test
    void clientTokensMakeRunTaskIdempotent() {
        String td = register("idempotent", "256", "512", List.of(), container("main", "sleep 600").build());
        RunTaskRequest request = run(td).count(2).clientToken("token-1").build();

        List<String> first = ecs.runTask(request).tasks().stream().map(Task::taskArn).toList();
        List<String> second = ecs.runTask(request).tasks().stream().map(Task::taskArn).toList();

        assertThat(first).hasSize(2).isEqualTo(second);
        assertThatThrownBy(() -> ecs.runTask(request.toBuilder().count(1).build()))
                .isInstanceOfSatisfying(EcsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConflictException"));
        first.forEach(arn -> ecs.stopTask(r -> r.cluster("tasks").task(arn)));
    }

    @Test
    void runTaskValidatesAsEcsDoes() {
        String td = register("validated", "256", "512", List.of(), container("main", "true").build());

        assertThatThrownBy(() -> ecs.runTask(run(td).networkConfiguration((software.amazon.awssdk.services.ecs.model.NetworkConfiguration) null).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Network Configuration must be provided");
        assertThatThrownBy(() -> ecs.runTask(run(td).count(11).build())).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.runTask(run("no-such-family").build())).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.runTask(run(td).cluster("no-such-cluster").build()))
                .isInstanceOfSatisfying(EcsException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFoundException"));
        assertThatThrownBy(() -> ecs.runTask(run(td).launchType(LaunchType.EC2).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No Container Instances were found in your cluster.");
        assertThatThrownBy(() -> ecs.runTask(run(td).overrides(o -> o.containerOverrides(c -> c.name("nope"))).build()))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.stopTask(r -> r.cluster("tasks").task("0123456789abcdef0123456789abcdef")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void overridesTagsAndCapacityProvidersAreReported() {
        String td = register("overridden", "256", "512", List.of(), container("main", "exit $CODE").build());
        Task started = runOne(run(td).launchType((String) null)
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1))
                .overrides(o -> o.containerOverrides(c -> c.name("main").environment(e -> e.name("CODE").value("7"))))
                .tags(t -> t.key("team").value("core")).enableECSManagedTags(true).build());

        assertThat(started.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        Task stopped = awaitStopped(started.taskArn());
        assertThat(container(stopped, "main").exitCode()).isEqualTo(7);
        Task withTags = ecs.describeTasks(r -> r.cluster("tasks").tasks(started.taskArn())
                .include(software.amazon.awssdk.services.ecs.model.TaskField.TAGS)).tasks().getFirst();
        assertThat(withTags.tags()).extracting(software.amazon.awssdk.services.ecs.model.Tag::key)
                .containsExactlyInAnyOrder("team", "aws:ecs:clusterName");
    }

    @Test
    void listTasksFiltersAndDescribeReportsMissing() {
        String td = register("listed-tasks", "256", "512", List.of(), container("main", "sleep 600").build());
        Task mine = runOne(run(td).startedBy("lister").build());
        runOne(run(td).build());

        assertThat(ecs.listTasks(r -> r.cluster("tasks").startedBy("lister")).taskArns()).containsExactly(mine.taskArn());
        assertThat(ecs.listTasks(r -> r.cluster("tasks").family("listed-tasks")).taskArns()).hasSize(2);
        ecs.stopTask(r -> r.cluster("tasks").task(mine.taskArn()));
        assertThat(ecs.listTasks(r -> r.cluster("tasks").startedBy("lister").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(mine.taskArn());
        var described = ecs.describeTasks(r -> r.cluster("tasks").tasks(mine.taskArn(), "ffffffffffffffffffffffffffffffff"));
        assertThat(described.tasks()).hasSize(1);
        assertThat(described.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        ecs.listTasks(r -> r.cluster("tasks").family("listed-tasks")).taskArns()
                .forEach(arn -> ecs.stopTask(r -> r.cluster("tasks").task(arn)));
    }
}
