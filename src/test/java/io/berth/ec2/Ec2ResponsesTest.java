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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.berth.ec2.Ec2Calls.withoutIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The members each operation writes under {@code <OperationResponse>}: EC2's lowerCamel
 * elements, {@code <item>} lists, omitted absent members, whole documents compared.
 */
class Ec2ResponsesTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123456Z");

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

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    @Test
    void createVpc() {
        String xml = ec2.call("CreateVpc", "CidrBlock", "10.0.0.0/16", "TagSpecification.1.ResourceType", "vpc",
                "TagSpecification.1.Tag.1.Key", "Name", "TagSpecification.1.Tag.1.Value", "main");

        assertThat(withoutIds(xml)).isEqualTo("<members><vpc><vpcId>vpc-ID</vpcId><ownerId>123456789012</ownerId>"
                + "<state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockAssociationSet><item>"
                + "<associationId>vpc-cidr-assoc-ID</associationId><cidrBlock>10.0.0.0/16</cidrBlock>"
                + "<cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet>"
                + "<dhcpOptionsId>dopt-ID</dhcpOptionsId><instanceTenancy>default</instanceTenancy>"
                + "<isDefault>false</isDefault><tagSet><item><key>Name</key><value>main</value></item></tagSet>"
                + "</vpc></members>");
    }

    @Test
    void describeSubnetsWithAPage() {
        String xml = ec2.call("DescribeSubnets", "Filter.1.Name", "availability-zone", "Filter.1.Value.1", "eu-west-1b");

        assertThat(withoutIds(xml)).isEqualTo("<members><subnetSet><item><subnetId>subnet-ID</subnetId>"
                + "<subnetArn>arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-ID</subnetArn><state>available</state>"
                + "<ownerId>123456789012</ownerId><vpcId>vpc-ID</vpcId><cidrBlock>172.31.16.0/20</cidrBlock>"
                + "<ipv6CidrBlockAssociationSet></ipv6CidrBlockAssociationSet>"
                + "<availableIpAddressCount>4091</availableIpAddressCount><availabilityZone>eu-west-1b</availabilityZone>"
                + "<availabilityZoneId>euw1-az2</availabilityZoneId><defaultForAz>true</defaultForAz>"
                + "<mapPublicIpOnLaunch>true</mapPublicIpOnLaunch>"
                + "<mapCustomerOwnedIpOnLaunch>false</mapCustomerOwnedIpOnLaunch>"
                + "<assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation><enableDns64>false</enableDns64>"
                + "<ipv6Native>false</ipv6Native><privateDnsNameOptionsOnLaunch><hostnameType>ip-name</hostnameType>"
                + "<enableResourceNameDnsARecord>false</enableResourceNameDnsARecord>"
                + "<enableResourceNameDnsAAAARecord>false</enableResourceNameDnsAAAARecord>"
                + "</privateDnsNameOptionsOnLaunch></item></subnetSet></members>");
        assertThat(ec2.call("DescribeSubnets", "MaxResults", "5")).doesNotContain("<nextToken>");
        assertThat(ec2.call("DescribeVpcs", "MaxResults", "5", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", "none"))
                .isEqualTo("<members><vpcSet></vpcSet></members>");
    }

    @Test
    void securityGroupsAndTheirRules() {
        String groupId = first(ec2.call("CreateSecurityGroup", "GroupName", "web", "GroupDescription", "web tier"),
                "groupId");
        String authorized = ec2.call("AuthorizeSecurityGroupIngress", "GroupId", groupId,
                "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "443", "IpPermissions.1.ToPort", "443",
                "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0", "IpPermissions.1.IpRanges.1.Description", "https",
                "IpPermissions.1.Groups.1.GroupId", groupId);

        assertThat(withoutIds(authorized)).isEqualTo("<members><return>true</return><securityGroupRuleSet>"
                + "<item><securityGroupRuleId>sgr-ID</securityGroupRuleId><groupId>sg-ID</groupId>"
                + "<groupOwnerId>123456789012</groupOwnerId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol>"
                + "<fromPort>443</fromPort><toPort>443</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4>"
                + "<description>https</description></item>"
                + "<item><securityGroupRuleId>sgr-ID</securityGroupRuleId><groupId>sg-ID</groupId>"
                + "<groupOwnerId>123456789012</groupOwnerId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol>"
                + "<fromPort>443</fromPort><toPort>443</toPort><referencedGroupInfo><groupId>sg-ID</groupId>"
                + "<userId>123456789012</userId></referencedGroupInfo></item></securityGroupRuleSet></members>");
        assertThat(withoutIds(ec2.call("DescribeSecurityGroups", "GroupId.1", groupId))).isEqualTo(
                "<members><securityGroupInfo><item><ownerId>123456789012</ownerId><groupId>sg-ID</groupId>"
                        + "<groupName>web</groupName><groupDescription>web tier</groupDescription><vpcId>vpc-ID</vpcId>"
                        + "<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort>"
                        + "<groups><item><userId>123456789012</userId><groupId>sg-ID</groupId></item></groups>"
                        + "<ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>https</description></item></ipRanges>"
                        + "<ipv6Ranges></ipv6Ranges><prefixListIds></prefixListIds></item></ipPermissions>"
                        + "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups></groups><ipRanges><item>"
                        + "<cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges></ipv6Ranges>"
                        + "<prefixListIds></prefixListIds></item></ipPermissionsEgress></item></securityGroupInfo>"
                        + "</members>");
        assertThat(withoutIds(ec2.call("DescribeSecurityGroupRules", "Filter.1.Name", "group-id",
                "Filter.1.Value.1", groupId))).contains("<isEgress>true</isEgress><ipProtocol>-1</ipProtocol>"
                + "<fromPort>-1</fromPort><toPort>-1</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4>");

        String revoked = ec2.call("RevokeSecurityGroupIngress", "GroupId", groupId,
                "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "443", "IpPermissions.1.ToPort", "443",
                "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0", "IpPermissions.1.IpRanges.2.CidrIp", "10.0.0.0/8");
        assertThat(revoked).isEqualTo("<members><return>true</return><unknownIpPermissionSet><item>"
                + "<ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups></groups>"
                + "<ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges><ipv6Ranges></ipv6Ranges>"
                + "<prefixListIds></prefixListIds></item></unknownIpPermissionSet></members>");
        assertThat(withoutIds(ec2.call("CreateSecurityGroup", "GroupName", "db", "GroupDescription", "d",
                "TagSpecification.1.ResourceType", "security-group", "TagSpecification.1.Tag.1.Key", "k",
                "TagSpecification.1.Tag.1.Value", "v"))).isEqualTo("<members><return>true</return>"
                + "<groupId>sg-ID</groupId><tagSet><item><key>k</key><value>v</value></item></tagSet></members>");
        assertThat(ec2.call("DeleteSecurityGroup", "GroupName", "db")).isEqualTo("<members><return>true</return></members>");
    }

    @Test
    void vpcAttributes() {
        String vpcId = first(ec2.call("CreateVpc", "CidrBlock", "10.0.0.0/16"), "vpcId");

        assertThat(ec2.call("DescribeVpcAttribute", "VpcId", vpcId, "Attribute", "enableDnsSupport"))
                .isEqualTo("<members><vpcId>" + vpcId + "</vpcId><enableDnsSupport><value>true</value>"
                        + "</enableDnsSupport></members>");
        assertThat(ec2.call("ModifyVpcAttribute", "VpcId", vpcId, "EnableDnsHostnames.Value", "true"))
                .isEqualTo("<members><return>true</return></members>");
        assertThat(ec2.call("DescribeVpcAttribute", "VpcId", vpcId, "Attribute", "enableDnsHostnames"))
                .isEqualTo("<members><vpcId>" + vpcId + "</vpcId><enableDnsHostnames><value>true</value>"
                        + "</enableDnsHostnames></members>");
        assertThat(ec2.call("DescribeVpcAttribute", "VpcId", vpcId, "Attribute", "enableNetworkAddressUsageMetrics"))
                .isEqualTo("<members><vpcId>" + vpcId + "</vpcId><enableNetworkAddressUsageMetrics><value>false"
                        + "</value></enableNetworkAddressUsageMetrics></members>");
    }

    @Test
    void describeRouteTables() {
        String vpcId = first(ec2.call("CreateVpc", "CidrBlock", "10.0.0.0/16"), "vpcId");

        String xml = ec2.call("DescribeRouteTables", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId,
                "Filter.2.Name", "association.main", "Filter.2.Value.1", "true");

        assertThat(withoutIds(xml)).isEqualTo("<members><routeTableSet><item><routeTableId>rtb-ID</routeTableId>"
                + "<vpcId>vpc-ID</vpcId><ownerId>123456789012</ownerId><routeSet><item>"
                + "<destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId>"
                + "<state>active</state><origin>CreateRouteTable</origin></item></routeSet><associationSet><item>"
                + "<routeTableAssociationId>rtbassoc-ID</routeTableAssociationId><routeTableId>rtb-ID</routeTableId>"
                + "<main>true</main><associationState><state>associated</state></associationState></item>"
                + "</associationSet><propagatingVgwSet></propagatingVgwSet></item></routeTableSet></members>");
    }

    @Test
    void describeNetworkAcls() {
        String vpcId = first(ec2.call("CreateVpc", "CidrBlock", "10.0.0.0/16"), "vpcId");
        ec2.call("CreateSubnet", "VpcId", vpcId, "CidrBlock", "10.0.1.0/24");

        String xml = ec2.call("DescribeNetworkAcls", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpcId,
                "Filter.2.Name", "default", "Filter.2.Value.1", "true");

        String entries = "<item><ruleNumber>100</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction>"
                + "<egress>%1$s</egress><cidrBlock>0.0.0.0/0</cidrBlock></item><item><ruleNumber>32767</ruleNumber>"
                + "<protocol>-1</protocol><ruleAction>deny</ruleAction><egress>%1$s</egress>"
                + "<cidrBlock>0.0.0.0/0</cidrBlock></item>";
        assertThat(withoutIds(xml)).isEqualTo("<members><networkAclSet><item><networkAclId>acl-ID</networkAclId>"
                + "<vpcId>vpc-ID</vpcId><ownerId>123456789012</ownerId><default>true</default><entrySet>"
                + entries.formatted(true) + entries.formatted(false) + "</entrySet><associationSet><item>"
                + "<networkAclAssociationId>aclassoc-ID</networkAclAssociationId><networkAclId>acl-ID</networkAclId>"
                + "<subnetId>subnet-ID</subnetId></item></associationSet></item></networkAclSet></members>");
    }

    @Test
    void subnetAttributesShowInDescribeSubnets() {
        String subnetId = first(ec2.call("DescribeSubnets", "Filter.1.Name", "availability-zone",
                "Filter.1.Value.1", "eu-west-1a"), "subnetId");

        assertThat(ec2.call("ModifySubnetAttribute", "SubnetId", subnetId, "PrivateDnsHostnameTypeOnLaunch",
                "resource-name")).isEqualTo("<members><return>true</return></members>");
        ec2.call("ModifySubnetAttribute", "SubnetId", subnetId, "EnableResourceNameDnsARecordOnLaunch.Value", "true");
        ec2.call("ModifySubnetAttribute", "SubnetId", subnetId, "MapPublicIpOnLaunch.Value", "false");

        assertThat(ec2.call("DescribeSubnets", "SubnetId.1", subnetId)).contains(
                "<mapPublicIpOnLaunch>false</mapPublicIpOnLaunch>", "<privateDnsNameOptionsOnLaunch>"
                        + "<hostnameType>resource-name</hostnameType>"
                        + "<enableResourceNameDnsARecord>true</enableResourceNameDnsARecord>"
                        + "<enableResourceNameDnsAAAARecord>false</enableResourceNameDnsAAAARecord>"
                        + "</privateDnsNameOptionsOnLaunch>");
    }

    @Test
    void revokingAnIpv6RangeReportsItUnknown() {
        String groupId = first(ec2.call("CreateSecurityGroup", "GroupName", "web", "GroupDescription", "web"),
                "groupId");

        String revoked = ec2.call("RevokeSecurityGroupEgress", "GroupId", groupId,
                "IpPermissions.1.IpProtocol", "-1", "IpPermissions.1.FromPort", "0", "IpPermissions.1.ToPort", "0",
                "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0",
                "IpPermissions.2.IpProtocol", "-1", "IpPermissions.2.Ipv6Ranges.1.CidrIpv6", "::/0");

        assertThat(revoked).isEqualTo("<members><return>true</return><unknownIpPermissionSet><item>"
                + "<ipProtocol>-1</ipProtocol><groups></groups><ipRanges></ipRanges><ipv6Ranges><item>"
                + "<cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds></prefixListIds></item>"
                + "</unknownIpPermissionSet></members>");
    }

    @Test
    void networkInterfacesAndTags() {
        Networks networks = new Networks(store, InstantSource.fixed(NOW));
        String subnet = first(ec2.call("DescribeSubnets", "Filter.1.Name", "availability-zone",
                "Filter.1.Value.1", "eu-west-1a"), "subnetId");
        Eni eni = networks.allocate(ACCOUNT, REGION, networks.resolveForTask(ACCOUNT, REGION, List.of(subnet), List.of()),
                "arn:aws:ecs:eu-west-1:123456789012:task/c/0123456789abcdef0123456789abcdef",
                "0a1b2c3d-0000-4000-8000-000000000001", null);
        ec2.call("CreateTags", "ResourceId.1", eni.networkInterfaceId(), "Tag.1.Key", "task", "Tag.1.Value", "web");

        String xml = ec2.call("DescribeNetworkInterfaces", "NetworkInterfaceId.1", eni.networkInterfaceId());

        assertThat(withoutIds(xml).replace(eni.macAddress(), "MAC").replace(eni.attachmentId(), "UUID")).isEqualTo(
                "<members><networkInterfaceSet><item><networkInterfaceId>eni-ID</networkInterfaceId>"
                        + "<subnetId>subnet-ID</subnetId><vpcId>vpc-ID</vpcId><availabilityZone>eu-west-1a</availabilityZone>"
                        + "<description>arn:aws:ecs:eu-west-1:123456789012:attachment/UUID</description>"
                        + "<ownerId>123456789012</ownerId><requesterId>578734482556</requesterId>"
                        + "<requesterManaged>true</requesterManaged><status>in-use</status>"
                        + "<macAddress>MAC</macAddress><privateIpAddress>172.31.0.4</privateIpAddress>"
                        + "<privateDnsName>ip-172-31-0-4.eu-west-1.compute.internal</privateDnsName>"
                        + "<sourceDestCheck>true</sourceDestCheck><groupSet><item><groupId>sg-ID</groupId>"
                        + "<groupName>default</groupName></item></groupSet><attachment>"
                        + "<attachmentId>ela-attach-ID</attachmentId><instanceOwnerId>amazon-aws</instanceOwnerId>"
                        + "<deviceIndex>1</deviceIndex><networkCardIndex>0</networkCardIndex><status>attached</status>"
                        + "<attachTime>2026-11-25T12:00:00.123Z</attachTime><deleteOnTermination>false</deleteOnTermination>"
                        + "</attachment><tagSet><item><key>task</key><value>web</value></item></tagSet>"
                        + "<privateIpAddressesSet><item><privateIpAddress>172.31.0.4</privateIpAddress>"
                        + "<privateDnsName>ip-172-31-0-4.eu-west-1.compute.internal</privateDnsName>"
                        + "<primary>true</primary></item></privateIpAddressesSet><ipv6AddressesSet></ipv6AddressesSet>"
                        + "<interfaceType>interface</interfaceType></item></networkInterfaceSet></members>");
        assertThat(ec2.call("DescribeTags", "Filter.1.Name", "resource-type", "Filter.1.Value.1", "network-interface"))
                .isEqualTo("<members><tagSet><item><resourceId>" + eni.networkInterfaceId() + "</resourceId>"
                        + "<resourceType>network-interface</resourceType><key>task</key><value>web</value></item>"
                        + "</tagSet></members>");
    }

    @Test
    void userInterfacesAndTheirAttributes() {
        String subnet = first(ec2.call("DescribeSubnets", "Filter.1.Name", "availability-zone",
                "Filter.1.Value.1", "eu-west-1b"), "subnetId");
        String created = ec2.call("CreateNetworkInterface", "SubnetId", subnet, "Description", "mine",
                "PrivateIpAddress", "172.31.16.10", "ClientToken", "token-1");
        String eni = first(created, "networkInterfaceId");
        String mac = first(created, "macAddress");

        assertThat(withoutIds(created).replace(mac, "MAC")).isEqualTo("<members><networkInterface>"
                + "<networkInterfaceId>eni-ID</networkInterfaceId><subnetId>subnet-ID</subnetId><vpcId>vpc-ID</vpcId>"
                + "<availabilityZone>eu-west-1b</availabilityZone><description>mine</description>"
                + "<ownerId>123456789012</ownerId><requesterManaged>false</requesterManaged><status>available</status>"
                + "<macAddress>MAC</macAddress><privateIpAddress>172.31.16.10</privateIpAddress>"
                + "<privateDnsName>ip-172-31-16-10.eu-west-1.compute.internal</privateDnsName>"
                + "<sourceDestCheck>true</sourceDestCheck><groupSet><item><groupId>sg-ID</groupId>"
                + "<groupName>default</groupName></item></groupSet><privateIpAddressesSet><item>"
                + "<privateIpAddress>172.31.16.10</privateIpAddress>"
                + "<privateDnsName>ip-172-31-16-10.eu-west-1.compute.internal</privateDnsName>"
                + "<primary>true</primary></item></privateIpAddressesSet><ipv6AddressesSet></ipv6AddressesSet>"
                + "<interfaceType>interface</interfaceType></networkInterface>"
                + "<clientToken>token-1</clientToken></members>");
        assertThat(ec2.call("DescribeNetworkInterfaceAttribute", "NetworkInterfaceId", eni, "Attribute",
                "description")).isEqualTo("<members><networkInterfaceId>" + eni + "</networkInterfaceId>"
                + "<description><value>mine</value></description></members>");
        assertThat(withoutIds(ec2.call("DescribeNetworkInterfaceAttribute", "NetworkInterfaceId", eni, "Attribute",
                "groupSet"))).isEqualTo("<members><networkInterfaceId>eni-ID</networkInterfaceId><groupSet><item>"
                + "<groupId>sg-ID</groupId><groupName>default</groupName></item></groupSet></members>");
        ec2.call("ModifyNetworkInterfaceAttribute", "NetworkInterfaceId", eni, "SourceDestCheck.Value", "false");
        assertThat(ec2.call("DescribeNetworkInterfaceAttribute", "NetworkInterfaceId", eni, "Attribute",
                "sourceDestCheck")).isEqualTo("<members><networkInterfaceId>" + eni + "</networkInterfaceId>"
                + "<sourceDestCheck><value>false</value></sourceDestCheck></members>");
        assertThat(ec2.call("DescribeNetworkInterfaceAttribute", "NetworkInterfaceId", eni, "Attribute",
                "attachment")).isEqualTo("<members><networkInterfaceId>" + eni + "</networkInterfaceId></members>");
        assertThat(ec2.call("DeleteNetworkInterface", "NetworkInterfaceId", eni))
                .isEqualTo("<members><return>true</return></members>");
    }

    @Test
    void regionsAndZones() {
        assertThat(ec2.call("DescribeRegions", "RegionName.1", "eu-west-1")).isEqualTo("<members><regionInfo><item>"
                + "<regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint>"
                + "<optInStatus>opt-in-not-required</optInStatus></item></regionInfo></members>");
        assertThat(ec2.call("DescribeAvailabilityZones", "ZoneId.1", "euw1-az3")).isEqualTo("<members>"
                + "<availabilityZoneInfo><item><zoneName>eu-west-1c</zoneName><zoneState>available</zoneState>"
                + "<regionName>eu-west-1</regionName><zoneId>euw1-az3</zoneId><groupName>eu-west-1</groupName>"
                + "<networkBorderGroup>eu-west-1</networkBorderGroup><zoneType>availability-zone</zoneType>"
                + "<optInStatus>opt-in-not-required</optInStatus><messageSet></messageSet></item>"
                + "</availabilityZoneInfo></members>");
    }

    @Test
    void pagesCarryATokenToTheNext() {
        for (int i = 0; i < 6; i++) {
            ec2.call("CreateVpc", "CidrBlock", "10." + i + ".0.0/16");
        }

        String page = ec2.call("DescribeVpcs", "MaxResults", "5");
        String token = first(page, "nextToken");
        String rest = ec2.call("DescribeVpcs", "MaxResults", "5", "NextToken", token);

        assertThat(page.split("<vpcId>")).hasSize(6);
        assertThat(rest.split("<vpcId>")).hasSize(3);
        assertThat(rest).doesNotContain("<nextToken>");
        assertThatThrownBy(() -> ec2.call("DescribeVpcs", "VpcId.1", "vpc-1", "MaxResults", "5"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterCombination");
                    assertThat(e.getMessage()).isEqualTo("The parameter vpcIds cannot be used with the parameter maxResults");
                });
    }

    @Test
    void dryRunsAreRefusedOnlyWhenInvoked() {
        assertThatThrownBy(() -> ec2.call("DeleteVpc", "VpcId", "vpc-1", "DryRun", "true"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("DryRunOperation");
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
                });
    }
}
