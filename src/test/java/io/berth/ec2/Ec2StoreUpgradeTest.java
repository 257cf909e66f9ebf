package io.berth.ec2;

import io.berth.store.SqliteStore;
import io.berth.store.Store;
import io.berth.store.StoredJson;
import io.berth.store.StoredTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

import static io.berth.ec2.Ec2Calls.withoutIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written by a Berth that kept no VPC attributes, route tables or network ACLs:
 * its VPCs get the main route table and default ACL they would have had, once, and read the
 * default attributes.
 */
class Ec2StoreUpgradeTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final String SCOPE = ACCOUNT + "/" + REGION;
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-0123456789abcdef0";
    private static final String SUBNET = "subnet-0123456789abcdef0";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        store.write(documents -> {
            documents.put("ec2.region", SCOPE, "defaults",
                    "{\"defaultVpcId\":\"" + VPC + "\",\"dhcpOptionsId\":\"dopt-0123456789abcdef0\"}");
            documents.put("ec2.vpc", SCOPE, VPC, "{\"vpcId\":\"" + VPC + "\",\"ownerId\":\"" + ACCOUNT + "\","
                    + "\"cidrBlock\":\"172.31.0.0/16\",\"cidrAssociationId\":\"vpc-cidr-assoc-0123456789abcdef0\","
                    + "\"dhcpOptionsId\":\"dopt-0123456789abcdef0\",\"instanceTenancy\":\"default\","
                    + "\"defaultVpc\":true,\"tags\":[]}");
            documents.put("ec2.subnet", SCOPE, SUBNET, "{\"subnetId\":\"" + SUBNET + "\",\"subnetArn\":"
                    + "\"arn:aws:ec2:eu-west-1:" + ACCOUNT + ":subnet/" + SUBNET + "\",\"ownerId\":\"" + ACCOUNT
                    + "\",\"vpcId\":\"" + VPC + "\",\"cidrBlock\":\"172.31.0.0/20\",\"availabilityZone\":"
                    + "\"eu-west-1a\",\"availabilityZoneId\":\"euw1-az1\",\"defaultForAz\":true,"
                    + "\"mapPublicIpOnLaunch\":true,\"tags\":[]}");
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ec2Calls ec2() {
        return new Ec2Calls(Ec2Api.definition(store, InstantSource.fixed(NOW), () -> { }), ACCOUNT, REGION, NOW);
    }

    @Test
    void olderVpcsGetTheirMainRouteTableAndDefaultAclOnce() {
        String tables = ec2().call("DescribeRouteTables");
        String acls = ec2().call("DescribeNetworkAcls");

        assertThat(tables).contains("<vpcId>" + VPC + "</vpcId>",
                "<destinationCidrBlock>172.31.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId>",
                "<main>true</main>");
        assertThat(acls).contains("<vpcId>" + VPC + "</vpcId>", "<default>true</default>",
                "<subnetId>" + SUBNET + "</subnetId>");
        assertThat(withoutIds(acls)).contains("<associationSet><item>"
                + "<networkAclAssociationId>aclassoc-ID</networkAclAssociationId><networkAclId>acl-ID</networkAclId>"
                + "<subnetId>subnet-ID</subnetId></item></associationSet>");
        assertThat(tables.split("<routeTableAssociationId>")).hasSize(2);
        assertThat(acls.split("<networkAclAssociationId>")).hasSize(2);
        assertThat(ec2().call("DescribeRouteTables")).isEqualTo(tables);
        assertThat(ec2().call("DescribeNetworkAcls")).isEqualTo(acls);
    }

    @Test
    void olderVpcsAndSubnetsReadTheDefaultAttributes() {
        Ec2Calls ec2 = ec2();

        assertThat(ec2.call("DescribeVpcAttribute", "VpcId", VPC, "Attribute", "enableDnsHostnames"))
                .contains("<enableDnsHostnames><value>true</value></enableDnsHostnames>");
        assertThat(ec2.call("DescribeVpcAttribute", "VpcId", VPC, "Attribute", "enableDnsSupport"))
                .contains("<enableDnsSupport><value>true</value></enableDnsSupport>");
        assertThat(ec2.call("DescribeSubnets", "SubnetId.1", SUBNET)).contains(
                "<mapPublicIpOnLaunch>true</mapPublicIpOnLaunch>", "<enableDns64>false</enableDns64>",
                "<hostnameType>ip-name</hostnameType>");
    }

    /**
     * Interfaces and rules were stored with EC2's wire Tag and GroupIdentifier records; their JSON
     * reads into the stored types as it is, and is written again the same way.
     */
    @Test
    void tagsAndGroupsStoredWithTheWireRecordsReadUnchanged() {
        String groups = "\"groups\":[{\"groupId\":\"sg-0123456789abcdef0\",\"groupName\":\"default\"}]";
        String tags = "\"tags\":[{\"key\":\"Name\",\"value\":\"front\"},{\"key\":\"empty\",\"value\":\"\"}]";
        String eni = "{\"networkInterfaceId\":\"eni-0123456789abcdef0\"," + groups + "," + tags + "}";
        String rule = "{\"securityGroupRuleId\":\"sgr-0123456789abcdef0\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}";

        StoredInterface read = StoredJson.read(eni, StoredInterface.class);

        assertThat(read.groups()).containsExactly(new StoredInterface.Group("sg-0123456789abcdef0", "default"));
        assertThat(read.tags()).containsExactly(new StoredTag("Name", "front"), new StoredTag("empty", ""));
        assertThat(StoredJson.write(read)).contains(groups, tags);
        assertThat(StoredJson.read(rule, StoredRule.class).tags()).containsExactly(new StoredTag("k", "v"));
    }
}
