package io.berth.ec2;

import io.berth.edge.AwsException;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every filter name each Describe operation takes (EC2's documented names, the lowerCamel names
 * it also takes, {@code tag:KEY}, {@code tag-key}, {@code tag-value}), each shown to filter: a
 * value that keeps one resource and leaves out another, or, where every Berth resource has the
 * same value, a value that keeps it and one that does not. Filters on what Berth's resources never
 * have are accepted and match nothing. Any other name is refused as EC2 refuses it.
 */
class Ec2FilterNamesTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-25T13:30:00Z");

    /** Where each operation lists its items, and what names an item. */
    private static final Map<String, String[]> LISTS = Map.of(
            "DescribeVpcs", new String[] {"vpcSet", "vpcId"},
            "DescribeSubnets", new String[] {"subnetSet", "subnetId"},
            "DescribeSecurityGroups", new String[] {"securityGroupInfo", "groupId"},
            "DescribeSecurityGroupRules", new String[] {"securityGroupRuleSet", "securityGroupRuleId"},
            "DescribeNetworkInterfaces", new String[] {"networkInterfaceSet", "networkInterfaceId"},
            "DescribeRouteTables", new String[] {"routeTableSet", "routeTableId"},
            "DescribeNetworkAcls", new String[] {"networkAclSet", "networkAclId"},
            "DescribeAvailabilityZones", new String[] {"availabilityZoneInfo", "zoneName"},
            "DescribeRegions", new String[] {"regionInfo", "regionName"},
            "DescribeTags", new String[] {"tagSet", "concat(resourceId, '/', key)"});

    @TempDir
    Path dir;
    Store store;
    Ec2Calls ec2;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        ec2 = new Ec2Calls(Ec2Api.definition(store, InstantSource.fixed(NOW), () -> { }), ACCOUNT, REGION, NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** One filter of one operation and what it must keep and leave out. */
    private record Case(String operation, String filter, String value, List<String> kept, List<String> left,
                        String otherValue) {

        String name() {
            return operation + " " + filter + "=" + value;
        }
    }

    /** {@code value} keeps {@code kept} and leaves out {@code left}. */
    private static Case keeps(String operation, String filter, String value, String kept, String left) {
        return new Case(operation, filter, value, List.of(kept), List.of(left), null);
    }

    /** Every Berth resource has the same value: {@code value} keeps {@code resource}, {@code other} does not. */
    private static Case same(String operation, String filter, String value, String other, String resource) {
        return new Case(operation, filter, value, List.of(resource), List.of(), other);
    }

    /** A filter on what Berth's resources never have: even {@code *} matches nothing. */
    private static Case none(String operation, String filter) {
        return new Case(operation, filter, "*", List.of(), List.of(), null);
    }

    @TestFactory
    Stream<DynamicTest> everyFilterNameIsAcceptedAndFilters() {
        World w = new World();
        List<Case> cases = cases(w);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> unknownFilterNamesAreRefused() {
        Map<String, String> tagless = Map.of("DescribeAvailabilityZones", "tag:Name", "DescribeRegions", "tag-key");
        return LISTS.keySet().stream().sorted().flatMap(operation -> Stream.concat(
                        Stream.of("no-such-filter", "IsDefault", "vpc_id", "tag"),
                        Stream.ofNullable(tagless.get(operation)))
                .map(name -> DynamicTest.dynamicTest(operation + " " + name, () ->
                        assertThatThrownBy(() -> ec2.call(operation, "Filter.1.Name", name, "Filter.1.Value.1", "x"))
                                .isInstanceOfSatisfying(AwsException.class, e -> {
                                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                                    assertThat(e.status()).isEqualTo(400);
                                    assertThat(e.getMessage()).isEqualTo("The filter '" + name + "' is invalid");
                                }))));
    }

    private void check(Case c) {
        List<String> found = ids(c.operation(), c.filter(), c.value());
        if (c.kept().isEmpty()) {
            assertThat(found).as(c.name()).isEmpty();
            return;
        }
        assertThat(found).as(c.name()).containsAll(c.kept());
        if (c.otherValue() == null) {
            assertThat(found).as(c.name()).doesNotContainAnyElementsOf(c.left());
        } else {
            assertThat(ids(c.operation(), c.filter(), c.otherValue())).as(c.filter() + "=" + c.otherValue())
                    .doesNotContainAnyElementsOf(c.kept());
        }
    }

    private List<String> ids(String operation, String filter, String value) {
        String[] list = LISTS.get(operation);
        return strings(ec2.call(operation, "Filter.1.Name", filter, "Filter.1.Value.1", value),
                "/members/" + list[0] + "/item", list[1]);
    }

    /** The resources the filters are tried on: two of each kind, as different as Berth lets them be. */
    private final class World {
        final String defaultVpc;
        final String vpc;
        final String vpcAssociation;
        final String dhcpOptions;
        final String defaultSubnet;
        final String subnet;
        final String subnetArn;
        final String subnetFreeAddresses;
        final String web;
        final String db;
        final String vpcDefaultGroup;
        final String defaultVpcDefaultGroup;
        final String webHttpRule;
        final String defaultGroupRule;
        final String eni;
        final String defaultEni;
        final String eniAddress;
        final String eniDnsName;
        final String eniMac;
        final String eniAttachment;
        final String eniAttachTime;
        final String routeTable;
        final String defaultRouteTable;
        final String routeTableAssociation;
        final String acl;
        final String defaultAcl;
        final String aclAssociation;

        World() {
            defaultVpc = one(ec2.call("DescribeVpcs"), "/members/vpcSet/item[isDefault='true']/vpcId");
            dhcpOptions = one(ec2.call("DescribeVpcs"), "/members/vpcSet/item/dhcpOptionsId");
            String created = ec2.call("CreateVpc", "CidrBlock", "10.0.0.0/16", "TagSpecification.1.ResourceType", "vpc",
                    "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "app-main",
                    "TagSpecification.1.Tag.2.Key", "env", "TagSpecification.1.Tag.2.Value", "prod");
            vpc = one(created, "/members/vpc/vpcId");
            vpcAssociation = one(created, "/members/vpc/cidrBlockAssociationSet/item/associationId");

            defaultSubnet = one(ec2.call("DescribeSubnets"),
                    "/members/subnetSet/item[availabilityZone='eu-west-1a']/subnetId");
            subnet = one(ec2.call("CreateSubnet", "VpcId", vpc, "CidrBlock", "10.0.1.0/24",
                    "AvailabilityZone", "eu-west-1b", "TagSpecification.1.ResourceType", "subnet",
                    "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "app-a"),
                    "/members/subnet/subnetId");
            ec2.call("ModifySubnetAttribute", "SubnetId", subnet, "EnableDns64.Value", "true");
            ec2.call("ModifySubnetAttribute", "SubnetId", subnet, "PrivateDnsHostnameTypeOnLaunch", "resource-name");
            ec2.call("ModifySubnetAttribute", "SubnetId", subnet, "EnableResourceNameDnsARecordOnLaunch.Value",
                    "true");

            db = one(ec2.call("CreateSecurityGroup", "GroupName", "db", "GroupDescription", "database",
                    "VpcId", vpc), "/members/groupId");
            web = one(ec2.call("CreateSecurityGroup", "GroupName", "web", "GroupDescription", "web servers",
                    "VpcId", vpc, "TagSpecification.1.ResourceType", "security-group",
                    "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "web-tier"),
                    "/members/groupId");
            ec2.call("RevokeSecurityGroupEgress", "GroupId", db, "IpPermissions.1.IpProtocol", "-1",
                    "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0");
            webHttpRule = one(ec2.call("AuthorizeSecurityGroupIngress", "GroupId", web,
                    "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "80",
                    "IpPermissions.1.ToPort", "80", "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8",
                    "TagSpecification.1.ResourceType", "security-group-rule",
                    "TagSpecification.1.Tag.1.Key", "purpose", "TagSpecification.1.Tag.1.Value", "http"),
                    "/members/securityGroupRuleSet/item/securityGroupRuleId");
            ec2.call("AuthorizeSecurityGroupIngress", "GroupId", web, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "8080", "IpPermissions.1.ToPort", "8080",
                    "IpPermissions.1.Groups.1.GroupId", db);
            ec2.call("AuthorizeSecurityGroupEgress", "GroupId", web, "IpPermissions.1.IpProtocol", "tcp",
                    "IpPermissions.1.FromPort", "443", "IpPermissions.1.ToPort", "443",
                    "IpPermissions.1.Groups.1.GroupId", db);
            String groups = ec2.call("DescribeSecurityGroups");
            vpcDefaultGroup = one(groups,
                    "/members/securityGroupInfo/item[groupName='default' and vpcId='" + vpc + "']/groupId");
            defaultVpcDefaultGroup = one(groups,
                    "/members/securityGroupInfo/item[groupName='default' and vpcId='" + defaultVpc + "']/groupId");
            defaultGroupRule = one(ec2.call("DescribeSecurityGroupRules"), "/members/securityGroupRuleSet/item[groupId='"
                    + vpcDefaultGroup + "' and isEgress='false']/securityGroupRuleId");

            Networks networks = new Networks(store, InstantSource.fixed(NOW));
            eni = networks.allocate(ACCOUNT, REGION, networks.resolveForTask(ACCOUNT, REGION, List.of(subnet),
                    List.of(web)), "arn:aws:ecs:eu-west-1:123456789012:task/c/1", "attachment-1", "task one")
                    .networkInterfaceId();
            Networks later = new Networks(store, InstantSource.fixed(LATER));
            defaultEni = later.allocate(ACCOUNT, REGION, later.resolveForTask(ACCOUNT, REGION,
                    List.of(defaultSubnet), List.of()), "arn:aws:ecs:eu-west-1:123456789012:task/c/2",
                    "attachment-2", null).networkInterfaceId();
            ec2.call("CreateTags", "ResourceId.1", eni, "Tag.1.Key", "Name", "Tag.1.Value", "task-1");
            String interfaces = ec2.call("DescribeNetworkInterfaces");
            String item = "/members/networkInterfaceSet/item[networkInterfaceId='" + eni + "']/";
            eniAddress = one(interfaces, item + "privateIpAddress");
            eniDnsName = one(interfaces, item + "privateDnsName");
            eniMac = one(interfaces, item + "macAddress");
            eniAttachment = one(interfaces, item + "attachment/attachmentId");
            eniAttachTime = one(interfaces, item + "attachment/attachTime");
            subnetFreeAddresses = one(ec2.call("DescribeSubnets", "SubnetId.1", subnet),
                    "/members/subnetSet/item/availableIpAddressCount");
            subnetArn = one(ec2.call("DescribeSubnets", "SubnetId.1", subnet), "/members/subnetSet/item/subnetArn");

            String tables = ec2.call("DescribeRouteTables");
            routeTable = one(tables, "/members/routeTableSet/item[vpcId='" + vpc + "']/routeTableId");
            defaultRouteTable = one(tables, "/members/routeTableSet/item[vpcId='" + defaultVpc + "']/routeTableId");
            routeTableAssociation = one(tables, "/members/routeTableSet/item[vpcId='" + vpc
                    + "']/associationSet/item/routeTableAssociationId");
            String acls = ec2.call("DescribeNetworkAcls");
            acl = one(acls, "/members/networkAclSet/item[vpcId='" + vpc + "']/networkAclId");
            defaultAcl = one(acls, "/members/networkAclSet/item[vpcId='" + defaultVpc + "']/networkAclId");
            aclAssociation = one(acls, "/members/networkAclSet/item[vpcId='" + vpc
                    + "']/associationSet/item/networkAclAssociationId");
            ec2.call("CreateTags", "ResourceId.1", routeTable, "ResourceId.2", acl, "Tag.1.Key", "Name",
                    "Tag.1.Value", "app-net");
        }
    }

    private static List<Case> cases(World w) {
        List<Case> cases = new ArrayList<>();
        String op = "DescribeVpcs";
        cases.addAll(List.of(
                keeps(op, "vpc-id", w.vpc, w.vpc, w.defaultVpc),
                keeps(op, "vpc-id", w.vpc.substring(0, w.vpc.length() - 1) + "?", w.vpc, w.defaultVpc),
                keeps(op, "cidr", "10.0.0.0/16", w.vpc, w.defaultVpc),
                keeps(op, "cidr-block-association.cidr-block", "10.0.*", w.vpc, w.defaultVpc),
                keeps(op, "cidr-block-association.association-id", w.vpcAssociation, w.vpc, w.defaultVpc),
                same(op, "cidr-block-association.state", "associated", "disassociated", w.vpc),
                same(op, "dhcp-options-id", w.dhcpOptions, "dopt-00000000000000000", w.vpc),
                none(op, "ipv6-cidr-block-association.ipv6-cidr-block"),
                none(op, "ipv6-cidr-block-association.ipv6-pool"),
                none(op, "ipv6-cidr-block-association.association-id"),
                none(op, "ipv6-cidr-block-association.state"),
                keeps(op, "is-default", "true", w.defaultVpc, w.vpc),
                keeps(op, "is-default", "false", w.vpc, w.defaultVpc),
                keeps(op, "isDefault", "true", w.defaultVpc, w.vpc),
                same(op, "owner-id", ACCOUNT, "210987654321", w.vpc),
                same(op, "state", "available", "pending", w.vpc),
                keeps(op, "tag:Name", "app-main", w.vpc, w.defaultVpc),
                keeps(op, "tag:Name", "app-*", w.vpc, w.defaultVpc),
                keeps(op, "tag-key", "env", w.vpc, w.defaultVpc),
                keeps(op, "tag-value", "pro?", w.vpc, w.defaultVpc)));

        op = "DescribeSubnets";
        cases.addAll(List.of(
                keeps(op, "subnet-id", w.subnet, w.subnet, w.defaultSubnet),
                keeps(op, "vpc-id", w.vpc, w.subnet, w.defaultSubnet),
                keeps(op, "availability-zone", "eu-west-1b", w.subnet, w.defaultSubnet),
                keeps(op, "availabilityZone", "eu-west-1b", w.subnet, w.defaultSubnet),
                keeps(op, "availability-zone-id", "euw1-az2", w.subnet, w.defaultSubnet),
                keeps(op, "availabilityZoneId", "euw1-az2", w.subnet, w.defaultSubnet),
                keeps(op, "available-ip-address-count", w.subnetFreeAddresses, w.subnet, w.defaultSubnet),
                keeps(op, "cidr-block", "10.0.1.0/24", w.subnet, w.defaultSubnet),
                keeps(op, "cidr", "10.0.1.0/24", w.subnet, w.defaultSubnet),
                keeps(op, "cidrBlock", "10.0.1.0/24", w.subnet, w.defaultSubnet),
                keeps(op, "default-for-az", "true", w.defaultSubnet, w.subnet),
                keeps(op, "defaultForAz", "true", w.defaultSubnet, w.subnet),
                keeps(op, "enable-dns64", "true", w.subnet, w.defaultSubnet),
                same(op, "ipv6-native", "false", "true", w.subnet),
                same(op, "map-customer-owned-ip-on-launch", "false", "true", w.subnet),
                keeps(op, "map-public-ip-on-launch", "true", w.defaultSubnet, w.subnet),
                same(op, "owner-id", ACCOUNT, "210987654321", w.subnet),
                keeps(op, "private-dns-name-options-on-launch.hostname-type", "resource-name", w.subnet,
                        w.defaultSubnet),
                keeps(op, "private-dns-name-options-on-launch.enable-resource-name-dns-a-record", "true", w.subnet,
                        w.defaultSubnet),
                same(op, "private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record", "false", "true",
                        w.subnet),
                same(op, "state", "available", "pending", w.subnet),
                keeps(op, "subnet-arn", "*:subnet/" + w.subnet, w.subnet, w.defaultSubnet),
                none(op, "customer-owned-ipv4-pool"),
                none(op, "enable-lni-at-device-index"),
                none(op, "outpost-arn"),
                none(op, "ipv6-cidr-block-association.ipv6-cidr-block"),
                none(op, "ipv6-cidr-block-association.association-id"),
                none(op, "ipv6-cidr-block-association.state"),
                keeps(op, "tag:Name", "app-a", w.subnet, w.defaultSubnet),
                keeps(op, "tag-key", "Name", w.subnet, w.defaultSubnet),
                keeps(op, "tag-value", "app-?", w.subnet, w.defaultSubnet)));

        op = "DescribeSecurityGroups";
        cases.addAll(List.of(
                keeps(op, "group-id", w.web, w.web, w.db),
                keeps(op, "group-name", "web", w.web, w.db),
                keeps(op, "group-name", "w*", w.web, w.db),
                keeps(op, "description", "web servers", w.web, w.db),
                keeps(op, "vpc-id", w.vpc, w.web, w.defaultVpcDefaultGroup),
                same(op, "owner-id", ACCOUNT, "210987654321", w.web),
                keeps(op, "ip-permission.cidr", "10.0.0.0/8", w.web, w.db),
                keeps(op, "ip-permission.from-port", "80", w.web, w.vpcDefaultGroup),
                keeps(op, "ip-permission.to-port", "8080", w.web, w.vpcDefaultGroup),
                keeps(op, "ip-permission.protocol", "tcp", w.web, w.vpcDefaultGroup),
                keeps(op, "ip-permission.group-id", w.db, w.web, w.vpcDefaultGroup),
                keeps(op, "ip-permission.group-name", "db", w.web, w.vpcDefaultGroup),
                keeps(op, "ip-permission.user-id", ACCOUNT, w.web, w.db),
                none(op, "ip-permission.ipv6-cidr"),
                none(op, "ip-permission.prefix-list-id"),
                keeps(op, "egress.ip-permission.cidr", "0.0.0.0/0", w.web, w.db),
                keeps(op, "egress.ip-permission.from-port", "443", w.web, w.vpcDefaultGroup),
                keeps(op, "egress.ip-permission.to-port", "443", w.web, w.vpcDefaultGroup),
                keeps(op, "egress.ip-permission.protocol", "tcp", w.web, w.vpcDefaultGroup),
                keeps(op, "egress.ip-permission.group-id", w.db, w.web, w.vpcDefaultGroup),
                keeps(op, "egress.ip-permission.group-name", "db", w.web, w.vpcDefaultGroup),
                keeps(op, "egress.ip-permission.user-id", ACCOUNT, w.web, w.vpcDefaultGroup),
                none(op, "egress.ip-permission.ipv6-cidr"),
                none(op, "egress.ip-permission.prefix-list-id"),
                keeps(op, "tag:Name", "web-tier", w.web, w.db),
                keeps(op, "tag-key", "Name", w.web, w.db),
                keeps(op, "tag-value", "web-*", w.web, w.db)));

        op = "DescribeSecurityGroupRules";
        cases.addAll(List.of(
                keeps(op, "group-id", w.web, w.webHttpRule, w.defaultGroupRule),
                keeps(op, "security-group-rule-id", w.webHttpRule, w.webHttpRule, w.defaultGroupRule),
                keeps(op, "tag:purpose", "http", w.webHttpRule, w.defaultGroupRule),
                keeps(op, "tag-key", "purpose", w.webHttpRule, w.defaultGroupRule),
                keeps(op, "tag-value", "ht*", w.webHttpRule, w.defaultGroupRule)));

        op = "DescribeNetworkInterfaces";
        cases.addAll(List.of(
                keeps(op, "network-interface-id", w.eni, w.eni, w.defaultEni),
                keeps(op, "subnet-id", w.subnet, w.eni, w.defaultEni),
                keeps(op, "vpc-id", w.vpc, w.eni, w.defaultEni),
                keeps(op, "group-id", w.web, w.eni, w.defaultEni),
                keeps(op, "group-name", "web", w.eni, w.defaultEni),
                keeps(op, "description", "task one", w.eni, w.defaultEni),
                same(op, "status", "in-use", "available", w.eni),
                keeps(op, "availability-zone", "eu-west-1b", w.eni, w.defaultEni),
                keeps(op, "availability-zone-id", "euw1-az2", w.eni, w.defaultEni),
                keeps(op, "private-ip-address", w.eniAddress, w.eni, w.defaultEni),
                keeps(op, "addresses.private-ip-address", "10.0.1.*", w.eni, w.defaultEni),
                same(op, "addresses.primary", "true", "false", w.eni),
                keeps(op, "private-dns-name", w.eniDnsName, w.eni, w.defaultEni),
                keeps(op, "mac-address", w.eniMac, w.eni, w.defaultEni),
                same(op, "interface-type", "interface", "branch", w.eni),
                same(op, "requester-managed", "true", "false", w.eni),
                same(op, "source-dest-check", "true", "false", w.eni),
                same(op, "operator.managed", "false", "true", w.eni),
                same(op, "owner-id", ACCOUNT, "210987654321", w.eni),
                keeps(op, "attachment.attachment-id", w.eniAttachment, w.eni, w.defaultEni),
                keeps(op, "attachment.attach-time", w.eniAttachTime, w.eni, w.defaultEni),
                same(op, "attachment.delete-on-termination", "false", "true", w.eni),
                same(op, "attachment.device-index", "1", "0", w.eni),
                same(op, "attachment.status", "attached", "detached", w.eni),
                same(op, "attachment.instance-owner-id", "amazon-aws", ACCOUNT, w.eni),
                none(op, "addresses.association.owner-id"),
                none(op, "addresses.association.public-ip"),
                none(op, "association.allocation-id"),
                none(op, "association.association-id"),
                none(op, "association.ip-owner-id"),
                none(op, "association.public-ip"),
                none(op, "association.public-dns-name"),
                none(op, "attachment.instance-id"),
                none(op, "attachment.nat-gateway-id"),
                none(op, "ipv6-addresses.ipv6-address"),
                none(op, "operator.principal"),
                same(op, "requester-id", StoredInterface.TASK_REQUESTER_ID, "123456789012", w.eni),
                keeps(op, "tag:Name", "task-1", w.eni, w.defaultEni),
                keeps(op, "tag-key", "Name", w.eni, w.defaultEni),
                keeps(op, "tag-value", "task-?", w.eni, w.defaultEni)));

        op = "DescribeRouteTables";
        cases.addAll(List.of(
                keeps(op, "route-table-id", w.routeTable, w.routeTable, w.defaultRouteTable),
                keeps(op, "vpc-id", w.vpc, w.routeTable, w.defaultRouteTable),
                same(op, "owner-id", ACCOUNT, "210987654321", w.routeTable),
                keeps(op, "association.route-table-association-id", w.routeTableAssociation, w.routeTable,
                        w.defaultRouteTable),
                keeps(op, "association.route-table-id", w.routeTable, w.routeTable, w.defaultRouteTable),
                same(op, "association.main", "true", "false", w.routeTable),
                new Case(op, "association.subnet-id", w.subnet, List.of(), List.of(), null),
                keeps(op, "route.destination-cidr-block", "10.0.0.0/16", w.routeTable, w.defaultRouteTable),
                same(op, "route.gateway-id", "local", "igw-00000000000000000", w.routeTable),
                same(op, "route.origin", "CreateRouteTable", "CreateRoute", w.routeTable),
                same(op, "route.state", "active", "blackhole", w.routeTable),
                none(op, "association.gateway-id"),
                none(op, "route.destination-ipv6-cidr-block"),
                none(op, "route.destination-prefix-list-id"),
                none(op, "route.egress-only-internet-gateway-id"),
                none(op, "route.instance-id"),
                none(op, "route.nat-gateway-id"),
                none(op, "route.transit-gateway-id"),
                none(op, "route.vpc-peering-connection-id"),
                keeps(op, "tag:Name", "app-net", w.routeTable, w.defaultRouteTable),
                keeps(op, "tag-key", "Name", w.routeTable, w.defaultRouteTable),
                keeps(op, "tag-value", "app-*", w.routeTable, w.defaultRouteTable)));

        op = "DescribeNetworkAcls";
        cases.addAll(List.of(
                keeps(op, "network-acl-id", w.acl, w.acl, w.defaultAcl),
                keeps(op, "vpc-id", w.vpc, w.acl, w.defaultAcl),
                same(op, "owner-id", ACCOUNT, "210987654321", w.acl),
                same(op, "default", "true", "false", w.acl),
                keeps(op, "association.association-id", w.aclAssociation, w.acl, w.defaultAcl),
                keeps(op, "association.network-acl-id", w.acl, w.acl, w.defaultAcl),
                keeps(op, "association.subnet-id", w.subnet, w.acl, w.defaultAcl),
                same(op, "entry.cidr", "0.0.0.0/0", "10.0.0.0/8", w.acl),
                same(op, "entry.egress", "true", "yes", w.acl),
                same(op, "entry.protocol", "-1", "6", w.acl),
                same(op, "entry.rule-action", "allow", "accept", w.acl),
                same(op, "entry.rule-number", "100", "200", w.acl),
                none(op, "entry.icmp.code"),
                none(op, "entry.icmp.type"),
                none(op, "entry.ipv6-cidr"),
                none(op, "entry.port-range.from"),
                none(op, "entry.port-range.to"),
                keeps(op, "tag:Name", "app-net", w.acl, w.defaultAcl),
                keeps(op, "tag-key", "Name", w.acl, w.defaultAcl),
                keeps(op, "tag-value", "app-*", w.acl, w.defaultAcl)));

        op = "DescribeAvailabilityZones";
        cases.addAll(List.of(
                keeps(op, "zone-name", "eu-west-1a", "eu-west-1a", "eu-west-1b"),
                keeps(op, "zone-name", "*-1a", "eu-west-1a", "eu-west-1b"),
                keeps(op, "zone-id", "euw1-az2", "eu-west-1b", "eu-west-1a"),
                same(op, "region-name", REGION, "us-east-1", "eu-west-1a"),
                same(op, "group-name", REGION, "us-east-1", "eu-west-1a"),
                same(op, "state", "available", "impaired", "eu-west-1a"),
                same(op, "zone-type", "availability-zone", "local-zone", "eu-west-1a"),
                same(op, "opt-in-status", "opt-in-not-required", "opted-in", "eu-west-1a"),
                none(op, "group-long-name"),
                none(op, "message"),
                none(op, "parent-zone-id"),
                none(op, "parent-zone-name")));

        op = "DescribeRegions";
        cases.addAll(List.of(
                keeps(op, "region-name", "eu-west-1", "eu-west-1", "us-east-1"),
                keeps(op, "endpoint", "ec2.eu-west-1.amazonaws.com", "eu-west-1", "us-east-1"),
                keeps(op, "endpoint", "ec2.eu-*", "eu-west-1", "us-east-1"),
                same(op, "opt-in-status", "opt-in-not-required", "not-opted-in", "eu-west-1")));

        op = "DescribeTags";
        cases.addAll(List.of(
                keeps(op, "key", "env", w.vpc + "/env", w.vpc + "/Name"),
                keeps(op, "value", "prod", w.vpc + "/env", w.vpc + "/Name"),
                keeps(op, "resource-id", w.vpc, w.vpc + "/Name", w.subnet + "/Name"),
                keeps(op, "resource-type", "subnet", w.subnet + "/Name", w.vpc + "/Name"),
                keeps(op, "tag:env", "prod", w.vpc + "/Name", w.subnet + "/Name"),
                keeps(op, "tag-key", "env", w.vpc + "/Name", w.subnet + "/Name"),
                keeps(op, "tag-value", "prod", w.vpc + "/Name", w.subnet + "/Name")));
        return cases;
    }

    private static String one(String xml, String path) {
        List<String> values = strings(xml, path, ".");
        assertThat(values).as(path + " in " + xml).hasSize(1);
        return values.getFirst();
    }

    /** {@code value}, an XPath expression, evaluated on each node {@code path} selects. */
    private static List<String> strings(String xml, String path, String value) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)));
            var xpath = XPathFactory.newInstance().newXPath();
            NodeList nodes = (NodeList) xpath.evaluate(path, document, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(xpath.evaluate(value, nodes.item(i)));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
