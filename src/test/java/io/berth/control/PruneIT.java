package io.berth.control;

import io.berth.TestBerth;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.docker.DockerRuntime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** STOPPED tasks are kept for the configured retention, then pruned with their containers. */
class PruneIT {

    @TempDir
    Path dataDir;

    @Test
    void stoppedTasksArePrunedAfterTheRetention() {
        try (TestBerth berth = TestBerth.start(dataDir, InstantSource.system(), Duration.ofSeconds(2));
             EcsClient ecs = berth.ecs();
             DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), berth.instance(), 0)) {
            ecs.registerTaskDefinition(r -> r.family("brief").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("main").image("busybox:latest").command("true")));
            String subnet = berth.defaultSubnetId();
            String arn = ecs.runTask(r -> r.taskDefinition("brief").launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().getFirst().taskArn();

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    "STOPPED".equals(ecs.describeTasks(r -> r.tasks(arn)).tasks().getFirst().lastStatus()));
            assertThat(runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, arn))).isNotEmpty();

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    ecs.describeTasks(r -> r.tasks(arn)).tasks().isEmpty());
            assertThat(ecs.describeTasks(r -> r.tasks(arn)).failures()).singleElement()
                    .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
            assertThat(runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, arn))).isEmpty();
        }
    }
}
