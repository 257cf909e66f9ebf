package io.berth.control;

import io.berth.BerthProcess;
import io.berth.TestBerth;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerStatus;
import io.berth.runtime.SandboxSpec;
import io.berth.runtime.docker.DockerRuntime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Berth killed with SIGKILL while tasks run: the restarted Berth re-adopts, records and cleans;
 * a surviving task keeps its address and firewall, which the restarted Berth goes on managing.
 */
class KillRestartIT {

    @TempDir
    Path dataDir;
    int port;
    BerthProcess berth;

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
    }

    @Test
    void aRestartAfterKillMinus9AdoptsRecordsAndCleans() throws Exception {
        port = BerthProcess.freePort();
        berth = BerthProcess.start(dataDir, port);
        try (EcsClient ecs = berth.client(EcsClient.builder()); Ec2Client ec2 = berth.client(Ec2Client.builder())) {
            ecs.registerTaskDefinition(r -> r.family("survivor").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("main").image("busybox:latest").command("sh", "-c",
                            "mkdir -p /www && echo survived > /www/index.html && exec httpd -f -p 8080 -h /www")));
            ecs.registerTaskDefinition(r -> r.family("leaver").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("main").image("busybox:latest")
                            .command("sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; exit 7")));
            // An address range of its own: the host reaches the survivor's address on this VPC's bridge.
            String cidr = "10." + ThreadLocalRandom.current().nextInt(30, 40);
            String vpc = ec2.createVpc(r -> r.cidrBlock(cidr + ".0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr + ".1.0/24").availabilityZone("us-east-1a"))
                    .subnet().subnetId();
            String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
            IpPermission http = IpPermission.builder().ipProtocol("tcp").fromPort(8080).toPort(8080)
                    .ipRanges(i -> i.cidrIp(cidr + ".0.0/16")).build();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(http));
            String survivor = run(ecs, "survivor", subnet, group);
            String leaver = run(ecs, "leaver", subnet, group);
            Task running = awaitStatus(ecs, survivor, "RUNNING");
            Task leaving = awaitStatus(ecs, leaver, "RUNNING");
            String address = address(running);
            assertThat(fetch(address)).isEqualTo("survived\n");

            berth.kill();
            try (DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), BerthProcess.instance(dataDir), 0)) {
                ContainerStatus leaverContainer = runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, leaver,
                        ContainerRuntime.LABEL_CONTAINER, "main")).getFirst();
                exec(leaverContainer.id(), "touch", "/tmp/go");
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                        runtime.inspect(leaverContainer.id()).orElseThrow().state() == ContainerStatus.State.EXITED);
                runtime.startSandbox(new SandboxSpec("ffffffffffffffffffffffffffffffff", 256, 512, Map.of(
                        ContainerRuntime.LABEL_TASK_ARN, "arn:aws:ecs:us-east-1:000000000000:task/default/ffffffffffffffffffffffffffffffff")));
            }

            berth = BerthProcess.start(dataDir, port);
            Task left = awaitStatus(ecs, leaver, "STOPPED");
            assertThat(left.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(left.containers().getFirst().exitCode()).isEqualTo(7);
            Task adopted = ecs.describeTasks(r -> r.tasks(survivor)).tasks().getFirst();
            assertThat(adopted.lastStatus()).isEqualTo("RUNNING");
            assertThat(adopted.containers().getFirst().runtimeId()).isEqualTo(running.containers().getFirst().runtimeId());
            assertThat(address(adopted)).isEqualTo(address);
            assertThat(fetch(address)).as("the survivor kept its interface").isEqualTo("survived\n");
            assertThat(left.attachments().getFirst().status()).isEqualTo("DETACHED");
            assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).extracting(NetworkInterface::privateIpAddress)
                    .as("the leaver's address went back to the subnet").containsExactly(address)
                    .doesNotContain(address(leaving));
            ec2.revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(http));
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> fetch(address).isEmpty());
            try (DockerRuntime runtime = DockerRuntime.connect(TestBerth.dockerHost(), BerthProcess.instance(dataDir), 0)) {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN,
                        "arn:aws:ecs:us-east-1:000000000000:task/default/ffffffffffffffffffffffffffffffff")).isEmpty());
            }
            ecs.stopTask(r -> r.task(survivor));
            awaitStatus(ecs, survivor, "STOPPED");
            assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).isEmpty();
            assertThat(Path.of("/sys/class/net", "bv" + vpc.substring(vpc.length() - 12)))
                    .as("the VPC's bridge went with its last task").doesNotExist();
        }
    }

    private static String run(EcsClient ecs, String family, String subnet, String group) {
        return ecs.runTask(r -> r.taskDefinition(family).launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(group))))
                .tasks().getFirst().taskArn();
    }

    private static String address(Task task) {
        return task.attachments().getFirst().details().stream().filter(d -> d.name().equals("privateIPv4Address"))
                .findFirst().orElseThrow().value();
    }

    /** The task's page, fetched from the host; empty when it cannot be reached. */
    private static String fetch(String address) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-s", "-m", "1", "http://" + address + ":8080/").start();
        String page = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        curl.waitFor();
        return page;
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
}
