package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.nio.file.Path;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Security groups and their rules through the AWS SDK. */
class Ec2SecurityGroupIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;
    static String vpcId;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, "us-east-1");
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
    }

    @AfterAll
    static void stop() {
        ec2.close();
        berth.close();
    }

    private static String group(String name) {
        return ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description("for " + name)).groupId();
    }

    private static IpPermission tcp(int from, int to, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(from).toPort(to)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private static SecurityGroup describe(String groupId) {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().getFirst();
    }

    @Test
    void newGroupsAllowAllOutAndNothingIn() {
        String id = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web servers"))
                .groupId();

        SecurityGroup group = describe(id);
        assertThat(group.groupId()).matches("sg-[0-9a-f]{17}");
        assertThat(group.groupName()).isEqualTo("web");
        assertThat(group.description()).isEqualTo("web servers");
        assertThat(group.vpcId()).isEqualTo(vpcId);
        assertThat(group.ownerId()).isEqualTo(TestBerth.ACCOUNT);
        assertThat(group.ipPermissions()).isEmpty();
        assertThat(group.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
        });
        assertThat(ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("web").build()))
                .securityGroups()).extracting(SecurityGroup::groupId).containsExactly(id);

        assertEc2Error(() -> group("web"), "InvalidGroup.Duplicate",
                "The security group 'web' already exists for VPC '" + vpcId + "'");
    }

    @Test
    void groupsWithoutVpcGoToTheDefaultVpcAndCanBeNamed() {
        String id = ec2.createSecurityGroup(r -> r.groupName("classic").description("in the default VPC")).groupId();
        String defaultVpc = ec2.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true")
                .build())).vpcs().getFirst().vpcId();

        assertThat(ec2.describeSecurityGroups(r -> r.groupNames("classic")).securityGroups())
                .singleElement().satisfies(g -> {
                    assertThat(g.groupId()).isEqualTo(id);
                    assertThat(g.vpcId()).isEqualTo(defaultVpc);
                });
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupNames("nope")), "InvalidGroup.NotFound",
                "The security group 'nope' does not exist in default VPC '" + defaultVpc + "'");
        ec2.deleteSecurityGroup(r -> r.groupName("classic"));
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupIds(id)), "InvalidGroup.NotFound",
                "The security group '" + id + "' does not exist");
    }

    @Test
    void ingressRulesRoundTrip() {
        String app = group("app");
        String lb = group("lb");

        AuthorizeSecurityGroupIngressResponse authorized = ec2.authorizeSecurityGroupIngress(r -> r.groupId(app)
                .ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("web").build(),
                                        IpRange.builder().cidrIp("10.30.0.0/16").build()).build(),
                        IpPermission.builder().ipProtocol("6").fromPort(8080).toPort(8090)
                                .userIdGroupPairs(UserIdGroupPair.builder().groupId(lb).description("from lb").build())
                                .build(),
                        IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1)
                                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                        IpPermission.builder().ipProtocol("17").fromPort(53).toPort(53)
                                .ipRanges(IpRange.builder().cidrIp("10.30.1.0/24").build()).build(),
                        IpPermission.builder().ipProtocol("50")
                                .ipRanges(IpRange.builder().cidrIp("192.0.2.0/24").build()).build()));

        assertThat(authorized.returnValue()).isTrue();
        assertThat(authorized.securityGroupRules()).hasSize(6).allSatisfy(rule -> {
            assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
            assertThat(rule.groupId()).isEqualTo(app);
            assertThat(rule.isEgress()).isFalse();
        });
        assertThat(authorized.securityGroupRules()).extracting(SecurityGroupRule::ipProtocol,
                        SecurityGroupRule::fromPort, SecurityGroupRule::toPort, SecurityGroupRule::cidrIpv4)
                .containsExactly(tuple("tcp", 80, 80, "0.0.0.0/0"), tuple("tcp", 80, 80, "10.30.0.0/16"),
                        tuple("tcp", 8080, 8090, null), tuple("icmp", 8, -1, "10.0.0.0/8"),
                        tuple("udp", 53, 53, "10.30.1.0/24"), tuple("50", -1, -1, "192.0.2.0/24"));
        assertThat(authorized.securityGroupRules().get(2).referencedGroupInfo().groupId()).isEqualTo(lb);

        SecurityGroup group = describe(app);
        assertThat(group.ipPermissions()).extracting(IpPermission::ipProtocol, IpPermission::fromPort,
                        IpPermission::toPort)
                .containsExactly(tuple("tcp", 80, 80), tuple("tcp", 8080, 8090), tuple("icmp", 8, -1),
                        tuple("udp", 53, 53), tuple("50", null, null));
        assertThat(group.ipPermissions().getFirst().ipRanges()).containsExactly(
                IpRange.builder().cidrIp("0.0.0.0/0").description("web").build(),
                IpRange.builder().cidrIp("10.30.0.0/16").build());
        assertThat(group.ipPermissions().get(1).userIdGroupPairs()).singleElement().satisfies(pair -> {
            assertThat(pair.groupId()).isEqualTo(lb);
            assertThat(pair.userId()).isEqualTo(TestBerth.ACCOUNT);
            assertThat(pair.description()).isEqualTo("from lb");
        });

        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(app)
                .build())).securityGroupRules()).hasSize(7);
        String ruleId = authorized.securityGroupRules().get(1).securityGroupRuleId();
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules())
                .singleElement().satisfies(rule -> assertThat(rule.cidrIpv4()).isEqualTo("10.30.0.0/16"));

        RevokeSecurityGroupIngressResponse revoked = ec2.revokeSecurityGroupIngress(r -> r.groupId(app)
                .ipPermissions(tcp(80, 80, "0.0.0.0/0"), tcp(443, 443, "0.0.0.0/0")));
        assertThat(revoked.returnValue()).isTrue();
        assertThat(revoked.unknownIpPermissions()).singleElement()
                .satisfies(p -> assertThat(p.fromPort()).isEqualTo(443));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(app).securityGroupRuleIds(ruleId));
        assertThat(describe(app).ipPermissions()).extracting(IpPermission::fromPort).containsExactly(8080, 8, 53, null);

        assertEc2Error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(app)
                        .ipPermissions(tcp(80, 80, "0.0.0.0/0"))), "InvalidPermission.NotFound",
                "The specified rule does not exist in this security group.");
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(lb)), "DependencyViolation",
                "resource " + lb + " has a dependent object");
    }

    @Test
    void egressRulesRoundTrip() {
        String db = group("db");

        ec2.revokeSecurityGroupEgress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        assertThat(describe(db).ipPermissionsEgress()).isEmpty();

        assertThat(ec2.authorizeSecurityGroupEgress(r -> r.groupId(db).ipPermissions(tcp(5432, 5432, "10.30.0.0/16")))
                .securityGroupRules()).singleElement().satisfies(rule -> assertThat(rule.isEgress()).isTrue());
        assertThat(describe(db).ipPermissionsEgress()).singleElement()
                .satisfies(p -> assertThat(p.fromPort()).isEqualTo(5432));
        assertThat(describe(db).ipPermissions()).isEmpty();
    }

    @Test
    void rulesAreValidatedAsEc2Does() {
        String id = group("strict");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(80, 80, "0.0.0.0/0")));

        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(80, 80, "0.0.0.0/0"))),
                "InvalidPermission.Duplicate",
                "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW\" already exists");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        tcp(81, 81, "10.0.0.0/8"), tcp(81, 81, "10.0.0.0/8"))), "InvalidParameterValue",
                "The same permission must not appear multiple times");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(82, 82, "10.0.0.0/33"))),
                "InvalidParameterValue", "CIDR block 10.0.0.0/33 is malformed");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").toPort(22)
                                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())),
                "InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(0, 70000, "0.0.0.0/0"))),
                "InvalidPermission.Malformed", "TCP/UDP port (70000) out of range");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        IpPermission.builder().ipProtocol("all").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                                .build())),
                "InvalidParameterValue", "Invalid value 'all' for IP protocol. Unknown protocol.");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        IpPermission.builder().ipProtocol("icmp").fromPort(300).toPort(0)
                                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())),
                "InvalidParameterValue", "ICMP type (300) out of range");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId("sg-0123456789abcdef0")
                        .ipPermissions(tcp(80, 80, "0.0.0.0/0"))), "InvalidGroup.NotFound",
                "The security group 'sg-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").fromPort(1).toPort(2)
                                .userIdGroupPairs(UserIdGroupPair.builder().groupId("sg-0123456789abcdef0").build())
                                .build())),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
        String elsewhere = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().getFirst()
                .groupId();
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        IpPermission.builder().ipProtocol("tcp").fromPort(1).toPort(2)
                                .userIdGroupPairs(UserIdGroupPair.builder().groupId(elsewhere).build()).build())),
                "InvalidGroup.NotFound", "You have specified two resources that belong to different networks.");
        assertEc2Error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(id).securityGroupRuleIds("sgr-0123456789abcdef0")),
                "InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0123456789abcdef0' does not exist");
        assertThat(describe(id).ipPermissions()).hasSize(1);
    }

    @Test
    void defaultGroupsCannotBeDeleted() {
        SecurityGroup defaultGroup = ec2.describeSecurityGroups(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpcId).build(),
                Filter.builder().name("group-name").values("default").build())).securityGroups().getFirst();

        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(defaultGroup.groupId())), "CannotDelete",
                "the specified group: \"" + defaultGroup.groupId() + "\" name: \"default\" cannot be deleted by a user");
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId("sg-0123456789abcdef0")), "InvalidGroup.NotFound",
                "The security group 'sg-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("default").description("d")),
                "InvalidGroup.Reserved", "The security group 'default' is reserved");
    }

    /** What the AWS provider for Terraform does to every group it creates before adding the configured rules. */
    @Test
    void theDefaultEgressRuleIsRevokedAsTerraformRevokesIt() {
        String id = group("terraformed");
        IpPermission allIpv4 = IpPermission.builder().ipProtocol("-1").fromPort(0).toPort(0)
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        IpPermission allIpv6 = IpPermission.builder().ipProtocol("-1").fromPort(0).toPort(0)
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build();

        ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allIpv4));
        assertEc2Error(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allIpv6)),
                "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        assertThat(describe(id).ipPermissionsEgress()).isEmpty();

        ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allIpv4));
        RevokeSecurityGroupEgressResponse both = ec2.revokeSecurityGroupEgress(r -> r.groupId(id)
                .ipPermissions(allIpv4, allIpv6));
        assertThat(both.unknownIpPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("::/0");
            assertThat(p.ipRanges()).isEmpty();
        });
        assertThat(describe(id).ipPermissionsEgress()).isEmpty();
        assertEc2Error(() -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allIpv6)),
                "InvalidParameterValue",
                "Berth's security groups take IPv4 CIDRs and security groups as peers, not IPv6 ranges or prefix lists.");
    }

    @Test
    void modifySecurityGroupRulesReplacesARuleKeepingItsIdAndTags() {
        String id = group("modified");
        String peer = group("peer");
        SecurityGroupRule https = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(443, 443,
                "10.30.0.0/16")).tagSpecifications(t -> t.resourceType("security-group-rule")
                .tags(Tag.builder().key("Name").value("https").build()))).securityGroupRules().getFirst();
        SecurityGroupRule ssh = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, 22,
                "10.30.1.0/24"))).securityGroupRules().getFirst();

        ec2.modifySecurityGroupRules(r -> r.groupId(id).securityGroupRules(u -> u
                .securityGroupRuleId(https.securityGroupRuleId()).securityGroupRule(q -> q.ipProtocol("tcp")
                        .fromPort(8443).toPort(8443).referencedGroupId(peer).description("from peers"))));

        SecurityGroupRule changed = ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(
                https.securityGroupRuleId())).securityGroupRules().getFirst();
        assertThat(changed.fromPort()).isEqualTo(8443);
        assertThat(changed.toPort()).isEqualTo(8443);
        assertThat(changed.cidrIpv4()).isNull();
        assertThat(changed.referencedGroupInfo().groupId()).isEqualTo(peer);
        assertThat(changed.description()).isEqualTo("from peers");
        assertThat(changed.isEgress()).isFalse();
        assertThat(changed.tags()).extracting(Tag::key, Tag::value).containsExactly(tuple("Name", "https"));
        assertThat(describe(id).ipPermissions()).extracting(IpPermission::fromPort).containsExactlyInAnyOrder(22, 8443);

        assertEc2Error(() -> ec2.modifySecurityGroupRules(r -> r.groupId(id).securityGroupRules(u -> u
                        .securityGroupRuleId(ssh.securityGroupRuleId()).securityGroupRule(q -> q.ipProtocol("tcp")
                                .fromPort(8443).toPort(8443).referencedGroupId(peer)))),
                "InvalidPermission.Duplicate", "the specified rule \"peer: " + peer
                        + ", TCP, from port: 8443, to port: 8443, ALLOW\" already exists");
        assertEc2Error(() -> ec2.modifySecurityGroupRules(r -> r.groupId(peer).securityGroupRules(u -> u
                        .securityGroupRuleId(ssh.securityGroupRuleId()).securityGroupRule(q -> q.ipProtocol("-1")
                                .cidrIpv4("0.0.0.0/0")))),
                "InvalidSecurityGroupRuleId.NotFound",
                "The security group rule ID '" + ssh.securityGroupRuleId() + "' does not exist");
        assertEc2Error(() -> ec2.modifySecurityGroupRules(r -> r.groupId(id).securityGroupRules(u -> u
                        .securityGroupRuleId(ssh.securityGroupRuleId()).securityGroupRule(q -> q.ipProtocol("tcp")
                                .fromPort(22).toPort(22)))),
                "InvalidParameterCombination", "A security group rule must name exactly one of CidrIpv4 or "
                        + "ReferencedGroupId.");
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ssh.securityGroupRuleId()))
                .securityGroupRules()).containsExactly(ssh);
    }
}
