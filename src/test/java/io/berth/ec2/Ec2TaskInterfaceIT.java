package io.berth.ec2;

import io.berth.TestBerth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running task's interface next to one a user made in the same subnet: they share its
 * addresses, the task's shows as Fargate's does on AWS (requester-managed, attached, described by
 * its ECS attachment) and EC2 keeps the user's hands off it; it goes when the task stops, while
 * the user's stays. One real task.
 */
class Ec2TaskInterfaceIT {

    private static final String CLUSTER = "enis";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static Ec2Client ec2;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        ec2 = berth.ec2("us-east-1");
        ecs.createCluster(r -> r.clusterName(CLUSTER));
    }

    @AfterAll
    static void stop() {
        for (String arn : ecs.listTasks(r -> r.cluster(CLUSTER)).taskArns()) {
            ecs.stopTask(r -> r.cluster(CLUSTER).task(arn));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ecs.listTasks(r -> r.cluster(CLUSTER)).taskArns().isEmpty());
        ecs.close();
        ec2.close();
        berth.close();
    }

    private static Task await(String taskArn, Predicate<Task> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(taskArn)).tasks().getFirst(),
                        condition::test);
    }

    private static String detail(Task task, String name) {
        return task.attachments().getFirst().details().stream().filter(d -> d.name().equals(name))
                .map(KeyValuePair::value).findFirst().orElseThrow();
    }

    @Test
    void aTasksInterfaceIsEcssAndSharesItsSubnetWithTheUsers() {
        // An address range no other test uses, so its bridge routes are this test's alone.
        String prefix = "10." + ThreadLocalRandom.current().nextInt(100, 250);
        String vpc = ec2.createVpc(r -> r.cidrBlock(prefix + ".0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + ".1.0/24")).subnet().subnetId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        NetworkInterface users = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(group)).networkInterface();
        String taskDefinition = ecs.registerTaskDefinition(r -> r.family("idle")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("main").image("busybox:latest")
                        .command("sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait").build())).taskDefinition().taskDefinitionArn();

        String taskArn = ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(taskDefinition)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a
                        .subnets(subnet).securityGroups(group)))).tasks().getFirst().taskArn();
        Task task = await(taskArn, t -> "RUNNING".equals(t.lastStatus()));

        String eniId = detail(task, "networkInterfaceId");
        NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eniId)).networkInterfaces()
                .getFirst();
        assertThat(users.privateIpAddress()).isEqualTo(prefix + ".1.4");
        assertThat(eni.privateIpAddress()).isEqualTo(prefix + ".1.5").isEqualTo(detail(task, "privateIPv4Address"));
        assertThat(eni.requesterManaged()).isTrue();
        assertThat(eni.requesterId()).isEqualTo(StoredInterface.TASK_REQUESTER_ID);
        assertThat(eni.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(eni.statusAsString()).isEqualTo("in-use");
        assertThat(eni.description()).isEqualTo("arn:aws:ecs:us-east-1:" + TestBerth.ACCOUNT + ":attachment/"
                + task.attachments().getFirst().id());
        assertThat(eni.attachment().statusAsString()).isEqualTo("attached");
        assertThat(eni.attachment().attachmentId()).startsWith("ela-attach-");
        assertThat(eni.attachment().instanceOwnerId()).isEqualTo("amazon-aws");

        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eniId)), "InvalidParameterValue",
                "Network interface '" + eniId + "' is currently in use.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eniId)
                .sourceDestCheck(v -> v.value(false))), "AuthFailure",
                "You do not have permission to access the specified resource.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eniId)
                        .attachment(a -> a.attachmentId(eni.attachment().attachmentId()).deleteOnTermination(true))),
                "OperationNotPermitted", "You are not allowed to manage 'ela-attach' attachments.");
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(users.networkInterfaceId()));
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnet)), "DependencyViolation",
                "The subnet '" + subnet + "' has dependencies and cannot be deleted.");
        assertThat(await(taskArn, t -> true).lastStatus()).as("the task runs on").isEqualTo("RUNNING");

        ecs.stopTask(r -> r.cluster(CLUSTER).task(taskArn));
        await(taskArn, t -> "STOPPED".equals(t.lastStatus()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("subnet-id")
                        .values(subnet).build())).networkInterfaces().isEmpty());
        ec2.deleteSecurityGroup(r -> r.groupId(group));
        ec2.deleteSubnet(r -> r.subnetId(subnet));
    }
}
