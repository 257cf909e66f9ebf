package io.berth.ec2;

import io.berth.edge.AwsException;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process API of the task launcher and the data plane, over the state the EC2 API serves. */
class NetworksTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;
    Store store;
    Ec2Calls ec2;
    Networks networks;
    String vpc;
    String small;
    String large;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        ec2 = new Ec2Calls(Ec2Api.definition(store, InstantSource.fixed(NOW), () -> { }), ACCOUNT, REGION, NOW);
        networks = new Networks(store, InstantSource.fixed(NOW));
        vpc = value(ec2.call("CreateVpc", "CidrBlock", "10.0.0.0/16"), "vpcId");
        small = value(ec2.call("CreateSubnet", "VpcId", vpc, "CidrBlock", "10.0.1.0/28"), "subnetId");
        large = value(ec2.call("CreateSubnet", "VpcId", vpc, "CidrBlock", "10.0.2.0/24",
                "AvailabilityZone", "us-east-1b"), "subnetId");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String value(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String group(String name) {
        return value(ec2.call("CreateSecurityGroup", "GroupName", name, "GroupDescription", name, "VpcId", vpc),
                "groupId");
    }

    private String defaultGroup(String vpcId) {
        return value(ec2.call("DescribeSecurityGroups", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId,
                "Filter.2.Name", "group-name", "Filter.2.Value.1", "default"), "groupId");
    }

    private static void refused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameterException");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private int launched;

    /** An interface for one more task. */
    private Eni allocate(ResolvedNetwork network) {
        launched++;
        return networks.allocate(ACCOUNT, REGION, network, TASK + launched, "attachment-" + launched, null);
    }

    @Test
    void resolvesTheVpcSubnetGatewayAndGroups() {
        String web = group("web");

        ResolvedNetwork network = networks.resolveForTask(ACCOUNT, REGION, List.of(large), List.of(web));

        assertThat(network).isEqualTo(new ResolvedNetwork(vpc, "10.0.0.0/16", large, "10.0.2.0/24", "us-east-1b",
                "10.0.2.1", List.of(web)));
        assertThat(network.prefixLength()).isEqualTo(24);
        assertThat(networks.resolveForTask(ACCOUNT, REGION, List.of(small, large), List.of()).securityGroupIds())
                .containsExactly(defaultGroup(vpc));
    }

    @Test
    void refusesAsEcsRunTaskDoes() {
        refused(() -> networks.resolveForTask(ACCOUNT, REGION, List.of(), List.of()), "subnets can not be empty.");
        refused(() -> networks.resolveForTask(ACCOUNT, REGION, List.of("subnet-x"), List.of()),
                "Error retrieving subnet information for [subnet-x]: The subnet ID 'subnet-x' does not exist "
                        + "(ErrorCode: InvalidSubnetID.NotFound)");
        refused(() -> networks.resolveForTask(ACCOUNT, REGION, List.of(small, "subnet-y", "subnet-z"), List.of()),
                "Error retrieving subnet information for [" + small + ", subnet-y, subnet-z]: The subnet IDs "
                        + "'subnet-y, subnet-z' do not exist (ErrorCode: InvalidSubnetID.NotFound)");
        String defaultSubnet = value(ec2.call("DescribeSubnets", "Filter.1.Name", "default-for-az",
                "Filter.1.Value.1", "true"), "subnetId");
        refused(() -> networks.resolveForTask(ACCOUNT, REGION, List.of(small, defaultSubnet), List.of()),
                "Subnets can not be in different VPCs");
        refused(() -> networks.resolveForTask(ACCOUNT, REGION, List.of(small), List.of("sg-x")),
                "Error retrieving security group information for [sg-x]: The security group 'sg-x' does not exist "
                        + "(ErrorCode: InvalidGroup.NotFound)");
        String elsewhere = defaultGroup(value(ec2.call("DescribeVpcs", "Filter.1.Name", "is-default",
                "Filter.1.Value.1", "true"), "vpcId"));
        refused(() -> networks.resolveForTask(ACCOUNT, REGION, List.of(small), List.of(elsewhere)),
                "Error retrieving security group information for [" + elsewhere + "]: The security group '"
                        + elsewhere + "' does not exist in VPC '" + vpc + "' (ErrorCode: InvalidGroup.NotFound)");
    }

    @Test
    void aSlash28HoldsElevenInterfacesAndSkipsTheReservedAddresses() {
        ResolvedNetwork network = networks.resolveForTask(ACCOUNT, REGION, List.of(small), List.of());
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            addresses.add(allocate(network).privateIpv4Address());
        }

        assertThat(addresses).containsExactly("10.0.1.4", "10.0.1.5", "10.0.1.6", "10.0.1.7", "10.0.1.8", "10.0.1.9",
                "10.0.1.10", "10.0.1.11", "10.0.1.12", "10.0.1.13", "10.0.1.14");
        assertThatThrownBy(() -> allocate(network)).isInstanceOfSatisfying(AddressesExhaustedException.class, e -> {
            assertThat(e.subnetId()).isEqualTo(small);
            assertThat(e.reason()).isEqualTo("InsufficientFreeAddressesInSubnet: The specified subnet " + small
                    + " does not have enough free addresses to satisfy the request.");
        });
        assertThat(value(ec2.call("DescribeSubnets", "SubnetId.1", small), "availableIpAddressCount")).isEqualTo("0");
        assertThat(networks.resolveForTask(ACCOUNT, REGION, List.of(small, large), List.of()).subnetId())
                .as("the first subnet with a free address").isEqualTo(large);
    }

    @Test
    void aReleasedAddressIsTakenAgain() {
        ResolvedNetwork network = networks.resolveForTask(ACCOUNT, REGION, List.of(small), List.of());
        Eni first = allocate(network);
        Eni second = allocate(network);
        allocate(network);

        networks.release(ACCOUNT, REGION, second.taskArn());
        networks.release(ACCOUNT, REGION, second.taskArn());

        assertThat(allocate(network).privateIpv4Address()).isEqualTo(second.privateIpv4Address());
        assertThat(networks.interfaces(ACCOUNT, REGION)).extracting(Eni::privateIpv4Address)
                .containsExactlyInAnyOrder(first.privateIpv4Address(), "10.0.1.5", "10.0.1.6");
    }

    @Test
    void anInterfaceCarriesWhatTheAttachmentAndTheDataPlaneNeed() {
        String web = group("web");
        ResolvedNetwork network = networks.resolveForTask(ACCOUNT, REGION, List.of(large), List.of(web));

        Eni eni = allocate(network);

        assertThat(eni.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(eni.attachmentId()).isEqualTo("attachment-" + launched);
        assertThat(eni.macAddress()).matches("02(:[0-9a-f]{2}){5}");
        assertThat(eni).extracting(Eni::taskArn, Eni::vpcId, Eni::vpcCidr, Eni::subnetId, Eni::subnetCidr,
                        Eni::availabilityZone, Eni::privateIpv4Address, Eni::gateway, Eni::privateDnsName,
                        Eni::securityGroupIds, Eni::prefixLength)
                .containsExactly(TASK + launched, vpc, "10.0.0.0/16", large, "10.0.2.0/24", "us-east-1b", "10.0.2.4", "10.0.2.1",
                        "ip-10-0-2-4.ec2.internal", List.of(web), 24);
        assertThat(networks.interfaces(ACCOUNT, REGION)).containsExactly(eni);
        assertThat(networks.interfaces(ACCOUNT, "eu-west-1")).isEmpty();
        assertThat(networks.allocate(ACCOUNT, REGION, network, eni.taskArn(), eni.attachmentId(), "again"))
                .as("a task asking again gets the interface it has").isEqualTo(eni);
    }

    @Test
    void securityGroupViewsShowRulesAndMembers() {
        String web = group("web");
        String lb = group("lb");
        ec2.call("AuthorizeSecurityGroupIngress", "GroupId", web,
                "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "80", "IpPermissions.1.ToPort", "80",
                "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16", "IpPermissions.1.Groups.1.GroupId", lb,
                "IpPermissions.2.IpProtocol", "icmp", "IpPermissions.2.FromPort", "-1", "IpPermissions.2.ToPort", "-1",
                "IpPermissions.2.IpRanges.1.CidrIp", "0.0.0.0/0");
        Eni member = allocate(networks.resolveForTask(ACCOUNT, REGION, List.of(large), List.of(web, lb)));

        SecurityGroupView view = networks.group(ACCOUNT, REGION, web).orElseThrow();

        assertThat(view.groupId()).isEqualTo(web);
        assertThat(view.vpcId()).isEqualTo(vpc);
        assertThat(view.ingress()).containsExactly(
                new SecurityGroupView.Rule("tcp", 80, 80, List.of("10.0.0.0/16"), List.of(lb)),
                new SecurityGroupView.Rule("icmp", -1, -1, List.of("0.0.0.0/0"), List.of()));
        assertThat(view.egress()).containsExactly(new SecurityGroupView.Rule("-1", -1, -1, List.of("0.0.0.0/0"), List.of()));
        assertThat(view.memberAddresses()).containsExactly(member.privateIpv4Address());
        assertThat(networks.group(ACCOUNT, REGION, lb).orElseThrow().memberAddresses())
                .containsExactly(member.privateIpv4Address());
        assertThat(networks.group(ACCOUNT, REGION, "sg-0123456789abcdef0")).isEmpty();
    }

    @Test
    void theRulesVersionGrowsWithEveryChangeAFirewallEnforces() {
        String web = group("web");
        long start = networks.rulesVersion();

        ec2.call("AuthorizeSecurityGroupIngress", "GroupId", web, "IpProtocol", "tcp", "FromPort", "22", "ToPort", "22",
                "CidrIp", "10.0.0.0/8");
        long authorized = networks.rulesVersion();
        Eni eni = allocate(networks.resolveForTask(ACCOUNT, REGION, List.of(large), List.of(web)));
        long allocated = networks.rulesVersion();
        ec2.call("DescribeSecurityGroups");
        long described = networks.rulesVersion();
        networks.release(ACCOUNT, REGION, eni.taskArn());
        long released = networks.rulesVersion();
        ec2.call("RevokeSecurityGroupIngress", "GroupId", web, "IpProtocol", "tcp", "FromPort", "22", "ToPort", "22",
                "CidrIp", "10.0.0.0/8");

        assertThat(authorized).isGreaterThan(start);
        assertThat(allocated).isGreaterThan(authorized);
        assertThat(described).isEqualTo(allocated);
        assertThat(released).isGreaterThan(described);
        assertThat(networks.rulesVersion()).isGreaterThan(released);
    }

    @Test
    void interfacesOutliveAReopenedStore() {
        Eni eni = allocate(networks.resolveForTask(ACCOUNT, REGION, List.of(small), List.of()));
        long version = networks.rulesVersion();
        store.close();

        store = SqliteStore.open(dir.resolve("berth.db"));
        Networks reopened = new Networks(store, InstantSource.fixed(NOW));

        assertThat(reopened.interfaces(ACCOUNT, REGION)).containsExactly(eni);
        assertThat(reopened.rulesVersion()).isEqualTo(version);
        assertThat(reopened.allocate(ACCOUNT, REGION, reopened.resolveForTask(ACCOUNT, REGION, List.of(small),
                List.of()), TASK + "other", "attachment-other", null).privateIpv4Address()).isEqualTo("10.0.1.5");
    }
}
