package io.berth.control;

import io.berth.TestBerth;
import io.berth.runtime.docker.DockerRuntime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * awsvpc with real tasks: each task's interface is wired into its sandbox with an address from
 * its subnet, security groups decide who reaches it (statefully, in the kernel), VPCs are apart,
 * the host reaches task addresses, and stopping a task returns its address. Probes run inside
 * the tasks' own network namespaces and target only addresses on Berth's bridges.
 */
class TaskNetworkIT {

    private static final String CLUSTER = "net";
    private static final int PORT = 8080;

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static Ec2Client ec2;
    static DockerRuntime docker;
    static String vpc;
    static String cidrPrefix;
    static String subnetA;
    static String subnetB;
    static String serverGroup;
    static String clientGroup;
    static String strangerGroup;
    static String webTaskDefinition;
    static String idleTaskDefinition;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        ec2 = berth.ec2("us-east-1");
        docker = DockerRuntime.connect(TestBerth.dockerHost(), berth.instance(), 0);
        // An address range no other test uses, so its bridge routes are this test's alone.
        cidrPrefix = "10." + ThreadLocalRandom.current().nextInt(100, 250);
        vpc = vpc(cidrPrefix + ".0.0/16");
        subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPrefix + ".1.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        subnetB = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPrefix + ".2.0/28").availabilityZone("us-east-1b"))
                .subnet().subnetId();
        serverGroup = group(vpc, "server");
        clientGroup = group(vpc, "client");
        strangerGroup = group(vpc, "stranger");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(serverGroup).ipPermissions(fromGroup(clientGroup)));
        // The host stands in for a client inside the VPC: it connects from subnet A's gateway address.
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(serverGroup).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(PORT).toPort(PORT).ipRanges(i -> i.cidrIp(cidrPrefix + ".1.1/32"))));
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        webTaskDefinition = register("web", "mkdir -p /www && echo hello-from-task > /www/index.html && "
                + "exec httpd -f -p " + PORT + " -h /www");
        idleTaskDefinition = register("idle", "exec sleep 600");
    }

    @AfterAll
    static void stop() {
        for (String arn : ecs.listTasks(r -> r.cluster(CLUSTER)).taskArns()) {
            ecs.stopTask(r -> r.cluster(CLUSTER).task(arn));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ecs.listTasks(r -> r.cluster(CLUSTER)).taskArns().isEmpty());
        docker.close();
        ecs.close();
        ec2.close();
        berth.close();
    }

    static String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    static String group(String vpcId, String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(name)).groupId();
    }

    static IpPermission fromGroup(String source) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(PORT).toPort(PORT)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(source).build()).build();
    }

    static String register(String family, String script) {
        return ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("main").image("busybox:latest")
                        .command("sh", "-c", script).build())).taskDefinition().taskDefinitionArn();
    }

    static Task run(String taskDefinition, List<String> subnets, String... groups) {
        Task task = ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(taskDefinition).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnets).securityGroups(groups))))
                .tasks().getFirst();
        return await(task.taskArn(), t -> "RUNNING".equals(t.lastStatus()));
    }

    static Task await(String taskArn, Predicate<Task> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(taskArn)).tasks().getFirst(),
                        condition::test);
    }

    static String detail(Task task, String name) {
        Attachment eni = task.attachments().getFirst();
        return eni.details().stream().filter(d -> d.name().equals(name)).map(KeyValuePair::value).findFirst()
                .orElseThrow();
    }

    static String address(Task task) {
        return detail(task, "privateIPv4Address");
    }

    /** Fetches the server's page from inside {@code from}'s network namespace, or from the host when null. */
    static boolean fetches(Task from, Task server) {
        List<String> command = new ArrayList<>();
        if (from != null) {
            String container = from.containers().getFirst().runtimeId();
            command.addAll(List.of("nsenter", "--net=" + docker.networkNamespace(container)));
        }
        command.addAll(List.of("curl", "-s", "-m", "1", "http://" + address(server) + ":" + PORT + "/"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .contains("hello-from-task");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void securityGroupsDecideWhoReachesATaskAndRuleChangesApplyToRunningTasks() {
        Task server = run(webTaskDefinition, List.of(subnetA), serverGroup);
        Task client = run(idleTaskDefinition, List.of(subnetB), clientGroup);
        Task stranger = run(idleTaskDefinition, List.of(subnetA), strangerGroup);

        assertThat(fetches(client, server)).as("a client in the allowed group, from another subnet").isTrue();
        assertThat(fetches(stranger, server)).as("a task in a group the server does not allow").isFalse();
        assertThat(fetches(null, server)).as("the host, allowed by CIDR").isTrue();

        ec2.revokeSecurityGroupIngress(r -> r.groupId(serverGroup).ipPermissions(fromGroup(clientGroup)));
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> !fetches(client, server));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(serverGroup).ipPermissions(fromGroup(strangerGroup)));
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> fetches(stranger, server));
    }

    @Test
    void egressRulesDecideWhatATaskReachesAndRepliesPassStatefully() {
        String quiet = group(vpc, "quiet");
        String mute = group(vpc, "mute");
        IpPermission everywhere = IpPermission.builder().ipProtocol("-1").ipRanges(i -> i.cidrIp("0.0.0.0/0")).build();
        // A server with no egress rule at all still answers: replies belong to allowed connections.
        ec2.revokeSecurityGroupEgress(r -> r.groupId(quiet).ipPermissions(everywhere));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(quiet).ipPermissions(fromGroup(mute), fromGroup(clientGroup)));
        ec2.revokeSecurityGroupEgress(r -> r.groupId(mute).ipPermissions(everywhere));
        Task server = run(webTaskDefinition, List.of(subnetA), quiet);
        Task client = run(idleTaskDefinition, List.of(subnetB), clientGroup);
        Task muted = run(idleTaskDefinition, List.of(subnetB), mute);

        assertThat(fetches(client, server)).as("replies of a server without egress rules").isTrue();
        assertThat(fetches(muted, server)).as("a client whose group allows no egress").isFalse();
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(mute).ipPermissions(p -> p.ipProtocol("tcp").fromPort(PORT)
                .toPort(PORT).userIdGroupPairs(UserIdGroupPair.builder().groupId(quiet).build())));
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> fetches(muted, server));
    }

    @Test
    void aTaskInAnotherVpcCannotReachOne() {
        String otherPrefix = "10." + (Integer.parseInt(cidrPrefix.substring(3)) - 60);
        String otherVpc = vpc(otherPrefix + ".0.0/16");
        String otherSubnet = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock(otherPrefix + ".1.0/24")
                .availabilityZone("us-east-1a")).subnet().subnetId();
        String open = group(otherVpc, "open");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(serverGroup).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(PORT).toPort(PORT).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
        Task server = run(webTaskDefinition, List.of(subnetA), serverGroup);
        Task outsider = run(idleTaskDefinition, List.of(otherSubnet), open);
        Task insider = run(idleTaskDefinition, List.of(subnetB), strangerGroup);

        assertThat(fetches(insider, server)).as("open to 0.0.0.0/0, reached inside its VPC").isTrue();
        assertThat(fetches(outsider, server)).as("but not from another VPC").isFalse();
        ec2.revokeSecurityGroupIngress(r -> r.groupId(serverGroup).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(PORT).toPort(PORT).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));
    }

    @Test
    void aTaskHoldsAnAddressOfItsSubnetWhileItRunsAndReturnsItWhenItStops() {
        int free = ec2.describeSubnets(r -> r.subnetIds(subnetB)).subnets().getFirst().availableIpAddressCount();
        Task task = run(idleTaskDefinition, List.of(subnetB), clientGroup);

        Attachment attachment = task.attachments().getFirst();
        assertThat(attachment.type()).isEqualTo("ElasticNetworkInterface");
        assertThat(attachment.status()).isEqualTo("ATTACHED");
        assertThat(detail(task, "subnetId")).isEqualTo(subnetB);
        assertThat(address(task)).startsWith(cidrPrefix + ".2.");
        assertThat(detail(task, "macAddress")).matches("02(:[0-9a-f]{2}){5}");
        assertThat(task.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(task.containers().getFirst().networkInterfaces().getFirst().privateIpv4Address())
                .isEqualTo(address(task));
        String eniId = detail(task, "networkInterfaceId");
        NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("subnet-id")
                .values(subnetB).build())).networkInterfaces().stream()
                .filter(i -> i.networkInterfaceId().equals(eniId)).findFirst().orElseThrow();
        assertThat(eni.privateIpAddress()).isEqualTo(address(task));
        assertThat(eni.groups()).extracting(g -> g.groupId()).containsExactly(clientGroup);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetB)).subnets().getFirst().availableIpAddressCount())
                .isEqualTo(free - 1);
        assertThatThrownBy(() -> ec2.deleteSecurityGroup(r -> r.groupId(clientGroup)))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation"));

        ecs.stopTask(r -> r.cluster(CLUSTER).task(task.taskArn()));
        Task stopped = await(task.taskArn(), t -> "STOPPED".equals(t.lastStatus()));

        assertThat(stopped.attachments().getFirst().status()).isEqualTo("DETACHED");
        assertThatThrownBy(() -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eniId)))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidNetworkInterfaceID.NotFound"));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetB)).subnets().getFirst().availableIpAddressCount())
                .isEqualTo(free);
    }

    @Test
    void aTaskFindingItsSubnetFullStopsWithEcsReason() {
        // A /28 has 16 addresses; AWS keeps five of them.
        String small = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidrPrefix + ".3.0/28").availabilityZone("us-east-1c"))
                .subnet().subnetId();
        List<String> filling = new ArrayList<>();
        for (int count : List.of(10, 1)) {
            ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(idleTaskDefinition).launchType(LaunchType.FARGATE)
                    .count(count).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(small))))
                    .tasks().forEach(t -> filling.add(t.taskArn()));
        }
        filling.forEach(arn -> await(arn, t -> "RUNNING".equals(t.lastStatus())));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(small)).subnets().getFirst().availableIpAddressCount()).isZero();

        String late = ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(idleTaskDefinition).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(small)))).tasks().getFirst().taskArn();
        Task stopped = await(late, t -> "STOPPED".equals(t.lastStatus()));

        assertThat(stopped.stopCode()).hasToString("TaskFailedToStart");
        assertThat(stopped.stoppedReason()).startsWith("InsufficientFreeAddressesInSubnet").contains(small);
        filling.forEach(arn -> ecs.stopTask(r -> r.cluster(CLUSTER).task(arn)));
        filling.forEach(arn -> await(arn, t -> "STOPPED".equals(t.lastStatus())));
        assertThat(ec2.describeSubnets(r -> r.subnetIds(small)).subnets().getFirst().availableIpAddressCount())
                .isEqualTo(11);
    }

    @Test
    void runTaskChecksTheNetworkConfigurationAsEcsDoes() {
        String elsewhere = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name")
                .values("default").build())).securityGroups().stream().filter(g -> !g.vpcId().equals(vpc))
                .findFirst().orElseThrow().groupId();

        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(idleTaskDefinition)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0000000000000000f")))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Error retrieving subnet information for [subnet-0000000000000000f]");
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(idleTaskDefinition)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a
                        .subnets(subnetA).securityGroups(elsewhere)))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not exist in VPC '" + vpc + "'");
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(idleTaskDefinition)
                .launchType(LaunchType.FARGATE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }

    @Test
    void aTaskWithoutGroupsJoinsItsVpcsDefaultGroup() {
        Task task = run(idleTaskDefinition, List.of(subnetA));
        String defaultGroup = ec2.describeSecurityGroups(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpc).build(),
                Filter.builder().name("group-name").values("default").build())).securityGroups().getFirst().groupId();

        NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(
                detail(task, "networkInterfaceId"))).networkInterfaces().getFirst();
        assertThat(eni.groups()).extracting(g -> g.groupId()).containsExactly(defaultGroup);
        ecs.stopTask(r -> r.cluster(CLUSTER).task(task.taskArn()));
    }
}
