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
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttribute;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Network interfaces users create: an address from the subnet (chosen as a task's is, or given),
 * groups of the subnet's VPC, attributes changed one at a time, idempotent creation by client
 * token, and EC2's errors; while one exists, its subnet and groups cannot be deleted. Each test
 * works in a VPC of its own.
 */
class Ec2UserNetworkInterfacesIT {

    private static final String REGION = "us-east-1";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, REGION);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        berth.close();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static String vpc(String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    private static String subnet(String vpc, String cidr) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone("us-east-1c")).subnet().subnetId();
    }

    private static String group(String vpc, String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(name)).groupId();
    }

    private static String defaultGroup(String vpc) {
        return ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc), filter("group-name", "default")))
                .securityGroups().getFirst().groupId();
    }

    private static NetworkInterface describe(String eni) {
        return ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().getFirst();
    }

    private static int freeAddresses(String subnet) {
        return ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().getFirst().availableIpAddressCount();
    }

    @Test
    void interfacesTakeTheLowestFreeAddressOrTheOneGivenAndAreTheUsers() {
        String vpc = vpc("10.61.0.0/16");
        String subnet = subnet(vpc, "10.61.1.0/24");
        String web = group(vpc, "web");

        CreateNetworkInterfaceResponse chosen = ec2.createNetworkInterface(r -> r.subnetId(subnet)
                .tagSpecifications(t -> t.resourceType(ResourceType.NETWORK_INTERFACE)
                        .tags(Tag.builder().key("Name").value("chosen").build())));
        NetworkInterface given = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(web)
                .description("given").privateIpAddress("10.61.1.200")).networkInterface();
        NetworkInterface next = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(web, defaultGroup(vpc)))
                .networkInterface();

        NetworkInterface eni = describe(chosen.networkInterface().networkInterfaceId());
        assertThat(eni).isEqualTo(chosen.networkInterface());
        assertThat(eni.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(eni.privateIpAddress()).isEqualTo("10.61.1.4");
        assertThat(eni.privateDnsName()).isEqualTo("ip-10-61-1-4.ec2.internal");
        assertThat(eni.macAddress()).matches("02(:[0-9a-f]{2}){5}");
        assertThat(eni.vpcId()).isEqualTo(vpc);
        assertThat(eni.availabilityZone()).isEqualTo("us-east-1c");
        assertThat(eni.statusAsString()).isEqualTo("available");
        assertThat(eni.requesterManaged()).isFalse();
        assertThat(eni.requesterId()).isNull();
        assertThat(eni.attachment()).isNull();
        assertThat(eni.sourceDestCheck()).isTrue();
        assertThat(eni.description()).isEmpty();
        assertThat(eni.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(eni.ownerId()).isEqualTo(TestBerth.ACCOUNT);
        assertThat(eni.groups()).extracting(GroupIdentifier::groupId, GroupIdentifier::groupName)
                .containsExactly(tuple(defaultGroup(vpc), "default"));
        assertThat(eni.tagSet()).extracting(Tag::key, Tag::value)
                .containsExactly(tuple("Name", "chosen"));
        assertThat(given.privateIpAddress()).isEqualTo("10.61.1.200");
        assertThat(given.description()).isEqualTo("given");
        assertThat(given.groups()).extracting(GroupIdentifier::groupId).containsExactly(web);
        assertThat(next.privateIpAddress()).isEqualTo("10.61.1.5");
        assertThat(next.groups()).extracting(GroupIdentifier::groupId).containsExactly(web, defaultGroup(vpc));
        assertThat(freeAddresses(subnet)).isEqualTo(251 - 3);

        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("vpc-id", vpc), filter("status", "available"),
                filter("requester-managed", "false"), filter("group-id", web))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId)
                .containsExactlyInAnyOrder(given.networkInterfaceId(), next.networkInterfaceId());
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("tag:Name", "chosen"))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(eni.networkInterfaceId());

        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId()));
        assertEc2Error(() -> describe(eni.networkInterfaceId()), "InvalidNetworkInterfaceID.NotFound",
                "The networkInterface ID '" + eni.networkInterfaceId() + "' does not exist");
        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound",
                "The networkInterface ID '" + eni.networkInterfaceId() + "' does not exist");
        assertThat(ec2.createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().privateIpAddress())
                .as("a deleted interface's address is free again").isEqualTo("10.61.1.4");
    }

    @Test
    void badRequestsGetEc2sErrorsAndChangeNothing() {
        String vpc = vpc("10.62.0.0/16");
        String subnet = subnet(vpc, "10.62.1.0/28");
        String otherVpcGroup = group(vpc("10.63.0.0/16"), "elsewhere");
        String taken = ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.62.1.9"))
                .networkInterface().networkInterfaceId();

        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId("subnet-0123456789abcdef0")),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet).groups("sg-0123456789abcdef0")),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(otherVpcGroup)),
                "InvalidParameter", "Security group " + otherVpcGroup + " and subnet " + subnet
                        + " belong to different networks.");
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.62.2.4")),
                "InvalidParameterValue", "Address does not fall within the subnet's address range");
        for (String reserved : List.of("10.62.1.0", "10.62.1.1", "10.62.1.2", "10.62.1.3", "10.62.1.15")) {
            assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress(reserved)),
                    "InvalidParameterValue", "Address is in subnet's reserved address range");
        }
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet).privateIpAddress("10.62.1.9")),
                "InvalidIPAddress.InUse", "Address 10.62.1.9 is in use.");
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("subnet-id", subnet))).networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId).containsExactly(taken);

        // A /28 has 11 addresses to give: 10 more fill it.
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            addresses.add(ec2.createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().privateIpAddress());
        }
        assertThat(addresses).doesNotContain("10.62.1.9").hasSize(10).doesNotHaveDuplicates();
        assertThat(freeAddresses(subnet)).isZero();
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet)), "InsufficientFreeAddressesInSubnet",
                "The specified subnet " + subnet + " does not have enough free addresses to satisfy the request.");

        assertEc2Error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId("eni-12")),
                "InvalidNetworkInterfaceId.Malformed", "Invalid id: \"eni-12\" (expecting \"eni-...\")");
        assertEc2Error(() -> ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId("eni-0123456789abcdef0")
                        .attribute(NetworkInterfaceAttribute.DESCRIPTION)), "InvalidNetworkInterfaceID.NotFound",
                "The networkInterface ID 'eni-0123456789abcdef0' does not exist");
    }

    @Test
    void attributesChangeOneAtATime() {
        String vpc = vpc("10.64.0.0/16");
        String subnet = subnet(vpc, "10.64.1.0/24");
        String web = group(vpc, "web");
        String admin = group(vpc, "admin");
        String otherVpcGroup = group(vpc("10.65.0.0/16"), "elsewhere");
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet).description("before")).networkInterface()
                .networkInterfaceId();

        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).description(d -> d.value("after")));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).groups(web, admin));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).sourceDestCheck(v -> v.value(false)));

        NetworkInterface changed = describe(eni);
        assertThat(changed.description()).isEqualTo("after");
        assertThat(changed.groups()).extracting(GroupIdentifier::groupId).containsExactly(web, admin);
        assertThat(changed.sourceDestCheck()).isFalse();
        assertThat(attribute(eni, NetworkInterfaceAttribute.DESCRIPTION).description().value()).isEqualTo("after");
        assertThat(attribute(eni, NetworkInterfaceAttribute.GROUP_SET).groups())
                .extracting(GroupIdentifier::groupId, GroupIdentifier::groupName)
                .containsExactly(tuple(web, "web"),
                        tuple(admin, "admin"));
        assertThat(attribute(eni, NetworkInterfaceAttribute.SOURCE_DEST_CHECK).sourceDestCheck().value()).isFalse();
        DescribeNetworkInterfaceAttributeResponse attachment = attribute(eni, NetworkInterfaceAttribute.ATTACHMENT);
        assertThat(attachment.networkInterfaceId()).isEqualTo(eni);
        assertThat(attachment.attachment()).isNull();

        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni)
                        .description(d -> d.value("x")).sourceDestCheck(v -> v.value(true))),
                "InvalidParameterCombination", "Fields for multiple attribute types specified: description, "
                        + "sourceDestCheck");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni)),
                "InvalidParameterCombination", "No attributes specified.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).groups(otherVpcGroup)),
                "InvalidParameter", "Security group " + otherVpcGroup + " and subnet " + subnet
                        + " belong to different networks.");
        assertEc2Error(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni)
                        .attachment(a -> a.attachmentId("eni-attach-0123456789abcdef0").deleteOnTermination(true))),
                "InvalidAttachmentID.NotFound", "The attachment ID 'eni-attach-0123456789abcdef0' does not exist");
        assertThat(describe(eni)).isEqualTo(changed);
    }

    private static DescribeNetworkInterfaceAttributeResponse attribute(String eni, NetworkInterfaceAttribute name) {
        return ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).attribute(name));
    }

    @Test
    void aClientTokenMakesOneInterface() {
        String vpc = vpc("10.66.0.0/16");
        String subnet = subnet(vpc, "10.66.1.0/24");

        CreateNetworkInterfaceResponse first = ec2.createNetworkInterface(r -> r.subnetId(subnet).clientToken("once"));
        CreateNetworkInterfaceResponse again = ec2.createNetworkInterface(r -> r.subnetId(subnet).clientToken("once"));

        assertThat(again.networkInterface()).isEqualTo(first.networkInterface());
        assertThat(again.clientToken()).isEqualTo("once");
        assertEc2Error(() -> ec2.createNetworkInterface(r -> r.subnetId(subnet).description("other")
                .clientToken("once")), "IdempotentParameterMismatch",
                "The client token 'once' was used before with other parameters.");
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("subnet-id", subnet))).networkInterfaces())
                .hasSize(1);
    }

    @Test
    void subnetsAndGroupsInUseByAnInterfaceStay() {
        String vpc = vpc("10.67.0.0/16");
        String subnet = subnet(vpc, "10.67.1.0/24");
        String web = group(vpc, "web");
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(web)).networkInterface()
                .networkInterfaceId();

        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnet)), "DependencyViolation",
                "The subnet '" + subnet + "' has dependencies and cannot be deleted.");
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(web)), "DependencyViolation",
                "resource " + web + " has a dependent object");

        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
        ec2.deleteSecurityGroup(r -> r.groupId(web));
        ec2.deleteSubnet(r -> r.subnetId(subnet));
        ec2.deleteVpc(r -> r.vpcId(vpc));
    }

    @Test
    void anInterfaceIsAMemberOfItsGroupsForTheFirewalls() {
        String vpc = vpc("10.68.0.0/16");
        String subnet = subnet(vpc, "10.68.1.0/24");
        String web = group(vpc, "web");
        String eni = ec2.createNetworkInterface(r -> r.subnetId(subnet).groups(web)).networkInterface()
                .networkInterfaceId();

        try (Store store = SqliteStore.open(dataDir.resolve(BerthServer.STORE_FILE))) {
            Networks networks = new Networks(store, InstantSource.system());
            assertThat(networks.group(TestBerth.ACCOUNT, REGION, web).orElseThrow().memberAddresses())
                    .containsExactly("10.68.1.4");
            long version = networks.rulesVersion();
            ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni).groups(defaultGroup(vpc)));
            assertThat(networks.group(TestBerth.ACCOUNT, REGION, web).orElseThrow().memberAddresses()).isEmpty();
            assertThat(networks.rulesVersion()).isGreaterThan(version);
            assertThat(networks.interfaces(TestBerth.ACCOUNT, REGION)).as("never wired").isEmpty();
        }
    }
}
