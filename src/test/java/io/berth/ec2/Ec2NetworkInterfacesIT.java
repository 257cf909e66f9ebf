package io.berth.ec2;

import io.berth.BerthServer;
import io.berth.TestBerth;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttribute;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Interfaces {@link Networks} allocates are what DescribeNetworkInterfaces shows, as Fargate's
 * show on AWS; they hold their subnet and groups, and users can neither change nor delete them. The test allocates through its own handle on Berth's store file, as
 * the task launcher will through Berth's.
 */
class Ec2NetworkInterfacesIT {

    private static final String REGION = "us-east-1";
    private static final String ATTACHMENT = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String TASK = "arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;
    static Store store;
    static Networks networks;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, REGION);
        store = SqliteStore.open(dataDir.resolve(BerthServer.STORE_FILE));
        networks = new Networks(store, InstantSource.system());
    }

    @AfterAll
    static void stop() {
        store.close();
        ec2.close();
        berth.close();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void allocatedInterfacesAreDescribedAndHoldTheirSubnetAndGroups() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.50.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.50.1.0/24").availabilityZone("us-east-1b"))
                .subnet().subnetId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();

        ResolvedNetwork network = networks.resolveForTask(TestBerth.ACCOUNT, REGION, List.of(subnet), List.of(group));
        Eni eni = networks.allocate(TestBerth.ACCOUNT, REGION, network, TASK, ATTACHMENT, null);

        NetworkInterface described = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                .networkInterfaces().getFirst();
        assertThat(described.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(described.subnetId()).isEqualTo(subnet);
        assertThat(described.vpcId()).isEqualTo(vpc);
        assertThat(described.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(described.privateIpAddress()).isEqualTo("10.50.1.4").isEqualTo(eni.privateIpv4Address());
        assertThat(described.privateDnsName()).isEqualTo("ip-10-50-1-4.ec2.internal");
        assertThat(described.macAddress()).isEqualTo(eni.macAddress()).matches("02(:[0-9a-f]{2}){5}");
        assertThat(described.statusAsString()).isEqualTo("in-use");
        assertThat(described.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(described.requesterManaged()).isTrue();
        assertThat(described.description())
                .isEqualTo("arn:aws:ecs:us-east-1:000000000000:attachment/" + eni.attachmentId());
        assertThat(described.groups()).extracting(GroupIdentifier::groupId, GroupIdentifier::groupName)
                .containsExactly(tuple(group, "task"));
        assertThat(described.attachment().statusAsString()).isEqualTo("attached");
        assertThat(described.attachment().attachmentId()).matches("ela-attach-[0-9a-f]{17}");
        assertThat(described.attachment().attachTime()).isNotNull();
        assertThat(described.privateIpAddresses()).singleElement()
                .satisfies(a -> assertThat(a.primary()).isTrue());

        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("subnet-id", subnet))).networkInterfaces())
                .containsExactly(described);
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("group-id", group), filter("vpc-id", vpc),
                filter("status", "in-use"))).networkInterfaces()).containsExactly(described);
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("description", "arn:aws:ecs:*"),
                filter("subnet-id", subnet))).networkInterfaces()).containsExactly(described);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().availableIpAddressCount())
                .isEqualTo(250);

        assertThat(described.requesterId()).isEqualTo(StoredInterface.TASK_REQUESTER_ID);
        assertThat(ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .attribute(NetworkInterfaceAttribute.ATTACHMENT)).attachment()).isEqualTo(described.attachment());
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("requester-managed", "true"),
                filter("attachment.status", "attached"), filter("subnet-id", subnet))).networkInterfaces())
                .containsExactly(described);

        // The task's interface is ECS's: EC2 refuses to delete it or change it for the user.
        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidParameterValue", "Network interface '" + eni.networkInterfaceId() + "' is currently in use.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .groups(group)), "AuthFailure", "You do not have permission to access the specified resource.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .description(d -> d.value("mine"))), "AuthFailure",
                "You do not have permission to access the specified resource.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                        .attachment(a -> a.attachmentId(described.attachment().attachmentId()).deleteOnTermination(true))),
                "OperationNotPermitted", "You are not allowed to manage 'ela-attach' attachments.");
        assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                .networkInterfaces()).containsExactly(described);

        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnet)), "DependencyViolation",
                "The subnet '" + subnet + "' has dependencies and cannot be deleted.");
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(group)), "DependencyViolation",
                "resource " + group + " has a dependent object");

        networks.release(TestBerth.ACCOUNT, REGION, TASK);
        assertEc2Error(() -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound",
                "The networkInterface ID '" + eni.networkInterfaceId() + "' does not exist");
        ec2.deleteSecurityGroup(r -> r.groupId(group));
        ec2.deleteSubnet(r -> r.subnetId(subnet));
    }

    @Test
    void tasksWithoutGroupsGetTheirVpcsDefaultGroup() {
        String defaultSubnet = ec2.describeSubnets(r -> r.filters(filter("availability-zone", "us-east-1a")))
                .subnets().getFirst().subnetId();
        String defaultGroup = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().getFirst()
                .groupId();

        ResolvedNetwork network = networks.resolveForTask(TestBerth.ACCOUNT, REGION, List.of(defaultSubnet),
                List.of());
        Eni eni = networks.allocate(TestBerth.ACCOUNT, REGION, network, TASK, ATTACHMENT, "my interface");

        assertThat(network.securityGroupIds()).containsExactly(defaultGroup);
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("group-id", defaultGroup),
                filter("description", "my interface"))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(eni.networkInterfaceId());
        networks.release(TestBerth.ACCOUNT, REGION, TASK);
    }
}
