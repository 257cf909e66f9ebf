package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

/** CreateVpc, DescribeVpcs, DeleteVpc, CreateSubnet, DescribeSubnets and DeleteSubnet through the AWS SDK. */
class Ec2VpcIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, "us-west-2");
    }

    @AfterAll
    static void stop() {
        ec2.close();
        berth.close();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static TagSpecification tags(ResourceType type, String key, String value) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key(key).value(value).build()).build();
    }

    @Test
    void createdVpcsAreDescribedAndFilteredAsEc2Does() {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")
                .tagSpecifications(tags(ResourceType.VPC, "Name", "filtered"))).vpc();

        assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(vpc.cidrBlock()).isEqualTo("10.10.0.0/16");
        assertThat(vpc.isDefault()).isFalse();
        assertThat(vpc.stateAsString()).isEqualTo("available");
        assertThat(vpc.instanceTenancyAsString()).isEqualTo("default");
        assertThat(vpc.tags()).containsExactly(Tag.builder().key("Name").value("filtered").build());

        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpc.vpcId())).vpcs()).containsExactly(vpc);
        assertThat(ec2.describeVpcs(r -> r.filters(filter("cidr", "10.10.0.0/16"))).vpcs()).containsExactly(vpc);
        assertThat(ec2.describeVpcs(r -> r.filters(filter("tag:Name", "filt*"))).vpcs()).containsExactly(vpc);
        assertThat(ec2.describeVpcs(r -> r.filters(filter("tag-key", "Name"), filter("vpc-id", vpc.vpcId()))).vpcs())
                .containsExactly(vpc);
        assertThat(ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs())
                .extracting(Vpc::cidrBlock).containsExactly("172.31.0.0/16");
        assertThat(ec2.describeVpcs(r -> r.filters(filter("state", "available"), filter("tag:Name", "other"))).vpcs())
                .isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc.vpcId()))).securityGroups())
                .singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
    }

    @Test
    void vpcsPageWithMaxResultsAndNextToken() {
        for (int i = 0; i < 6; i++) {
            int octet = 100 + i;
            ec2.createVpc(r -> r.cidrBlock("10." + octet + ".0.0/24")
                    .tagSpecifications(tags(ResourceType.VPC, "paged", "yes")));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeVpcsResponse page = ec2.describeVpcs(r -> r.maxResults(5).nextToken(next)
                    .filters(filter("tag:paged", "yes")));
            assertThat(page.vpcs()).hasSizeLessThanOrEqualTo(5);
            page.vpcs().forEach(v -> seen.add(v.vpcId()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertEc2Error(() -> ec2.describeVpcs(r -> r.maxResults(4)), "InvalidParameterValue",
                "Value ( 4 ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.");
    }

    @Test
    void createVpcRefusesBadBlocks() {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/8")), "InvalidVpc.Range",
                "The CIDR '10.0.0.0/8' is invalid.");
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/29")), "InvalidVpc.Range",
                "The CIDR '10.0.0.0/29' is invalid.");
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.300/16")), "InvalidParameterValue",
                "Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")
                        .tagSpecifications(tags(ResourceType.SUBNET, "a", "b"))), "InvalidParameterValue",
                "'subnet' is not a valid taggable resource type for this operation.");
    }

    @Test
    void unknownVpcsAreNotFound() {
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-1", "vpc-2")), "InvalidVpcID.NotFound",
                "The vpc IDs 'vpc-1, vpc-2' do not exist");
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.describeVpcs(r -> r.filters(filter("color", "red"))), "InvalidParameterValue",
                "The filter 'color' is invalid");
    }

    @Test
    void subnetsAreCarvedFromTheirVpc() {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc();

        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.20.1.0/24")
                .tagSpecifications(tags(ResourceType.SUBNET, "tier", "app"))).subnet();

        assertThat(subnet.subnetId()).matches("subnet-[0-9a-f]{17}");
        assertThat(subnet.vpcId()).isEqualTo(vpc.vpcId());
        assertThat(subnet.availabilityZone()).isEqualTo("us-west-2a");
        assertThat(subnet.availabilityZoneId()).isEqualTo("usw2-az1");
        assertThat(subnet.availableIpAddressCount()).isEqualTo(251);
        assertThat(subnet.defaultForAz()).isFalse();
        assertThat(subnet.mapPublicIpOnLaunch()).isFalse();
        assertThat(subnet.stateAsString()).isEqualTo("available");

        Subnet second = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.20.2.0/28")
                .availabilityZone("us-west-2c")).subnet();
        assertThat(second.availableIpAddressCount()).isEqualTo(11);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpc.vpcId()))).subnets())
                .extracting(Subnet::subnetId).containsExactlyInAnyOrder(subnet.subnetId(), second.subnetId());
        assertThat(ec2.describeSubnets(r -> r.filters(filter("availability-zone", "us-west-2c"),
                filter("vpc-id", vpc.vpcId()))).subnets()).containsExactly(second);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("cidr-block", "10.20.1.0/24"))).subnets())
                .containsExactly(subnet);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:tier", "app"))).subnets()).containsExactly(subnet);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("default-for-az", "true"))).subnets()).hasSize(3);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(second.subnetId())).subnets()).containsExactly(second);

        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.21.0.0/24")),
                "InvalidSubnet.Range", "The CIDR '10.21.0.0/24' is invalid.");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.20.0.0/30")),
                "InvalidSubnet.Range", "The CIDR '10.20.0.0/30' is invalid.");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.20.1.128/25")),
                "InvalidSubnet.Conflict", "The CIDR '10.20.1.128/25' conflicts with another subnet");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.20.9.0/24")
                        .availabilityZone("us-west-2z")), "InvalidParameterValue",
                "Value (us-west-2z) for parameter availabilityZone is invalid. Subnets can currently only be created "
                        + "in the following availability zones: us-west-2a, us-west-2b, us-west-2c.");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId("vpc-0000000000000000f").cidrBlock("10.20.9.0/24")),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0000000000000000f' does not exist");
        assertEc2Error(() -> ec2.describeSubnets(r -> r.subnetIds("subnet-0000000000000000f")),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0000000000000000f' does not exist");

        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())), "DependencyViolation",
                "The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.");
        ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId()));
        ec2.deleteSubnet(r -> r.subnetId(second.subnetId()));
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(second.subnetId())), "InvalidSubnetID.NotFound",
                "The subnet ID '" + second.subnetId() + "' does not exist");

        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc.vpcId()).groupName("app").description("app"))
                .groupId();
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())), "DependencyViolation",
                "The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.");
        ec2.deleteSecurityGroup(r -> r.groupId(group));

        ec2.deleteVpc(r -> r.vpcId(vpc.vpcId()));
        assertThat(ec2.describeVpcs(r -> r.filters(filter("vpc-id", vpc.vpcId()))).vpcs()).isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpc.vpcId()))).securityGroups())
                .isEmpty();
    }
}
