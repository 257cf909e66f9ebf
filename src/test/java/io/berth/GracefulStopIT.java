package io.berth;

import io.berth.net.LinuxTaskNetwork;
import io.berth.runtime.ContainerStatus;
import io.berth.runtime.docker.DockerRuntime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Berth stopped with SIGTERM (what Ctrl-C and service managers send): the spare sandboxes it made
 * go with it; a running task's containers stay and the next start re-adopts the task.
 */
class GracefulStopIT {

    private static final String POOL_LABEL = "io.berth.pool-session";

    @TempDir
    Path dataDir;
    BerthProcess berth;
    String vpc;

    @AfterEach
    void cleanUp() throws IOException {
        if (berth != null) {
            berth.close();
        }
        try (DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), BerthProcess.instance(dataDir), 0)) {
            for (ContainerStatus container : runtime.list(Map.of())) {
                runtime.remove(container.id());
            }
        }
        if (vpc != null) {
            new LinuxTaskNetwork().removeBridge(vpc);
        }
    }

    @Test
    void sigtermRemovesSpareSandboxesAndKeepsRunningTasksForTheNextStart() throws Exception {
        int port = BerthProcess.freePort();
        berth = BerthProcess.start(dataDir, port);
        String instance = BerthProcess.instance(dataDir);
        try (EcsClient ecs = berth.client(EcsClient.builder()); Ec2Client ec2 = berth.client(Ec2Client.builder())) {
            ecs.registerTaskDefinition(r -> r.family("sleeper").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("main").image("busybox:latest").command("sleep", "3600")));
            String cidr = "10." + ThreadLocalRandom.current().nextInt(40, 50);
            vpc = ec2.createVpc(r -> r.cidrBlock(cidr + ".0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr + ".1.0/24").availabilityZone("us-east-1a"))
                    .subnet().subnetId();
            String task = ecs.runTask(r -> r.taskDefinition("sleeper").launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))))
                    .tasks().getFirst().taskArn();
            String container = awaitStatus(ecs, task, "RUNNING").containers().getFirst().runtimeId();
            String sandbox = docker("inspect", "-f", "{{ .HostConfig.NetworkMode }}", container).strip()
                    .substring("container:".length());
            // The pool refills behind the launch: spares besides the task's sandbox.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> spares(instance, sandbox).size() == 2);

            berth.stop();
            assertThat(spares(instance, sandbox)).as("the spare sandboxes went with Berth").isEmpty();
            assertThat(running(container)).as("the task's container runs on").isTrue();
            assertThat(running(sandbox)).as("the task's sandbox runs on").isTrue();

            berth = BerthProcess.start(dataDir, port);
            // Once the new pool is full, the new Berth has been through its rounds: the task is still its.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> spares(instance, sandbox).size() == 2);
            Task adopted = ecs.describeTasks(r -> r.tasks(task)).tasks().getFirst();
            assertThat(adopted.lastStatus()).isEqualTo("RUNNING");
            assertThat(adopted.containers().getFirst().runtimeId()).isEqualTo(container);
            assertThat(running(container)).isTrue();
            assertThat(running(sandbox)).isTrue();
            ecs.stopTask(r -> r.task(task));
            awaitStatus(ecs, task, "STOPPED");
        }
    }

    /** The Berth's sandboxes made for its pool, other than the one a task holds. */
    private static List<String> spares(String instance, String taskSandbox) throws Exception {
        List<String> ids = new ArrayList<>(docker("ps", "-aq", "--no-trunc", "--filter", "label=io.berth.managed=" + instance,
                "--filter", "label=" + POOL_LABEL).lines().toList());
        ids.remove(taskSandbox);
        return ids;
    }

    private static boolean running(String id) throws Exception {
        return docker("inspect", "-f", "{{ .State.Running }}", id).strip().equals("true");
    }

    private static String docker(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "-H", TestBerth.dockerHost()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }

    private static Task awaitStatus(EcsClient ecs, String taskArn, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ecs.describeTasks(r -> r.tasks(taskArn)).tasks().getFirst(), t -> status.equals(t.lastStatus()));
    }
}
