package io.berth.control;

import io.berth.TestBerth;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerStatus;
import io.berth.runtime.SandboxSpec;
import io.berth.runtime.docker.DockerRuntime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Berth killed with SIGKILL while tasks run: the restarted Berth re-adopts, records and cleans. */
class KillRestartIT {

    @TempDir
    Path dataDir;
    int port;
    Process berth;

    @AfterEach
    void cleanUp() throws IOException {
        if (berth != null) {
            berth.destroyForcibly();
        }
        try (DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), instance(), 0)) {
            for (ContainerStatus container : runtime.list(Map.of())) {
                runtime.remove(container.id());
            }
        }
    }

    @Test
    void aRestartAfterKillMinus9AdoptsRecordsAndCleans() throws Exception {
        port = freePort();
        berth = startBerth();
        try (EcsClient ecs = client()) {
            ecs.registerTaskDefinition(r -> r.family("survivor").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("main").image("busybox:latest").command("sh", "-c", "sleep 600")));
            ecs.registerTaskDefinition(r -> r.family("leaver").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("main").image("busybox:latest")
                            .command("sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; exit 7")));
            String subnet = TestBerth.defaultSubnetId(endpoint());
            String survivor = run(ecs, "survivor", subnet);
            String leaver = run(ecs, "leaver", subnet);
            Task running = awaitStatus(ecs, survivor, "RUNNING");
            awaitStatus(ecs, leaver, "RUNNING");

            berth.destroyForcibly().waitFor();
            try (DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), instance(), 0)) {
                ContainerStatus leaverContainer = runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, leaver,
                        ContainerRuntime.LABEL_CONTAINER, "main")).getFirst();
                exec(leaverContainer.id(), "touch", "/tmp/go");
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                        runtime.inspect(leaverContainer.id()).orElseThrow().state() == ContainerStatus.State.EXITED);
                runtime.startSandbox(new SandboxSpec("ffffffffffffffffffffffffffffffff", 256, 512, Map.of(
                        ContainerRuntime.LABEL_TASK_ARN, "arn:aws:ecs:us-east-1:000000000000:task/default/ffffffffffffffffffffffffffffffff")));
            }

            berth = startBerth();
            Task left = awaitStatus(ecs, leaver, "STOPPED");
            assertThat(left.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(left.containers().getFirst().exitCode()).isEqualTo(7);
            Task adopted = ecs.describeTasks(r -> r.tasks(survivor)).tasks().getFirst();
            assertThat(adopted.lastStatus()).isEqualTo("RUNNING");
            assertThat(adopted.containers().getFirst().runtimeId()).isEqualTo(running.containers().getFirst().runtimeId());
            try (DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), instance(), 0)) {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN,
                        "arn:aws:ecs:us-east-1:000000000000:task/default/ffffffffffffffffffffffffffffffff")).isEmpty());
            }
            ecs.stopTask(r -> r.task(survivor));
            awaitStatus(ecs, survivor, "STOPPED");
        }
    }

    private static String run(EcsClient ecs, String family, String subnet) {
        return ecs.runTask(r -> r.taskDefinition(family).launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))))
                .tasks().getFirst().taskArn();
    }

    private static Task awaitStatus(EcsClient ecs, String taskArn, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ecs.describeTasks(r -> r.tasks(taskArn)).tasks().getFirst(), t -> status.equals(t.lastStatus()));
    }

    private void exec(String containerId, String... command) throws Exception {
        List<String> docker = new ArrayList<>(List.of("docker", "-H", TestBerth.dockerHost(), "exec", containerId));
        docker.addAll(List.of(command));
        assertThat(new ProcessBuilder(docker).inheritIO().start().waitFor()).isZero();
    }

    private Process startBerth() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-jar", Path.of("target/berth.jar").toAbsolutePath().toString(), "up",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--access-key-id", TestBerth.ACCESS_KEY, "--secret-access-key", TestBerth.SECRET_KEY,
                "--docker-host", TestBerth.dockerHost())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("berth.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("Berth exited: " + Files.readString(dataDir.resolve("berth.log")));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/_berth/health")
                        .toURL().openConnection();
                return connection.getResponseCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    private EcsClient client() {
        return EcsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private String instance() throws IOException {
        return Files.readString(dataDir.resolve("instance-id")).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
