package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.file.Path;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The filters clients send most, through the AWS SDK: the lookups of Terraform's data sources
 * ({@code aws_vpc} with {@code default = true}, {@code aws_subnet}, {@code aws_security_group},
 * {@code aws_availability_zone}), tags with wildcards, and an unknown filter's error.
 */
class Ec2FiltersIT {

    private static final String REGION = "eu-central-1";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;
    static Vpc defaultVpc;
    static Vpc appVpc;
    static Subnet appSubnet;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, REGION);
        defaultVpc = ec2.describeVpcs().vpcs().getFirst();
        appVpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")
                .tagSpecifications(tags(ResourceType.VPC, "Name", "app-main"))).vpc();
        appSubnet = ec2.createSubnet(r -> r.vpcId(appVpc.vpcId()).cidrBlock("10.20.1.0/24")
                .availabilityZone("eu-central-1b").tagSpecifications(tags(ResourceType.SUBNET, "Name", "app-b"))).subnet();
        ec2.createSecurityGroup(r -> r.groupName("web").description("web").vpcId(appVpc.vpcId()));
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
    void theDefaultVpcIsFoundByIsDefaultAndByItsOldNameIsDefault() {
        assertThat(defaultVpc.isDefault()).isTrue();
        for (String name : new String[] {"is-default", "isDefault"}) {
            assertThat(ec2.describeVpcs(r -> r.filters(filter(name, "true"))).vpcs())
                    .as(name).extracting(Vpc::vpcId).containsExactly(defaultVpc.vpcId());
            assertThat(ec2.describeVpcs(r -> r.filters(filter(name, "false"))).vpcs())
                    .as(name).extracting(Vpc::vpcId).containsExactly(appVpc.vpcId());
        }
        // What aws_vpc sends for cidr_block and state along with default = true.
        assertThat(ec2.describeVpcs(r -> r.filters(filter("isDefault", "true"), filter("cidr", "172.31.0.0/16"),
                filter("state", "available"))).vpcs()).extracting(Vpc::vpcId).containsExactly(defaultVpc.vpcId());
    }

    @Test
    void subnetsAreFoundByVpcAndDefaultForAzUnderEitherName() {
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", defaultVpc.vpcId()),
                filter("default-for-az", "true"))).subnets())
                .extracting(Subnet::availabilityZone)
                .containsExactlyInAnyOrder("eu-central-1a", "eu-central-1b", "eu-central-1c");
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", appVpc.vpcId()),
                filter("default-for-az", "true"))).subnets()).isEmpty();
        // aws_default_subnet's lookup.
        assertThat(ec2.describeSubnets(r -> r.filters(filter("availabilityZone", "eu-central-1b"),
                filter("defaultForAz", "true"))).subnets())
                .singleElement().satisfies(s -> assertThat(s.vpcId()).isEqualTo(defaultVpc.vpcId()));
        // aws_subnet's lookup by zone id and CIDR.
        assertThat(ec2.describeSubnets(r -> r.filters(filter("availabilityZoneId", "euc1-az2"),
                filter("cidrBlock", "10.20.1.0/24"), filter("state", "available"))).subnets())
                .extracting(Subnet::subnetId).containsExactly(appSubnet.subnetId());
    }

    @Test
    void tagFiltersTakeWildcards() {
        assertThat(ec2.describeVpcs(r -> r.filters(filter("tag:Name", "app-*"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(appVpc.vpcId());
        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:Name", "app-?"))).subnets())
                .extracting(Subnet::subnetId).containsExactly(appSubnet.subnetId());
        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:Name", "app-\\?"))).subnets()).isEmpty();
        assertThat(ec2.describeVpcs(r -> r.filters(filter("tag-key", "Na*"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(appVpc.vpcId());
    }

    @Test
    void zonesAreFoundByName() {
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("zone-name", "eu-central-1b")))
                .availabilityZones())
                .extracting(AvailabilityZone::zoneName, AvailabilityZone::zoneId)
                .containsExactly(tuple("eu-central-1b", "euc1-az2"));
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("zone-name", "eu-central-1*"),
                filter("state", "available"))).availabilityZones()).hasSize(3);
    }

    @Test
    void securityGroupsAreFoundByNameAndVpc() {
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("group-name", "default"),
                filter("vpc-id", appVpc.vpcId()))).securityGroups())
                .singleElement().satisfies(g -> {
                    assertThat(g.groupName()).isEqualTo("default");
                    assertThat(g.vpcId()).isEqualTo(appVpc.vpcId());
                });
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("group-name", "web"),
                filter("vpc-id", defaultVpc.vpcId()))).securityGroups()).isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("group-name", "web", "default"),
                filter("vpc-id", appVpc.vpcId()))).securityGroups())
                .extracting(SecurityGroup::groupName).containsExactlyInAnyOrder("web", "default");
    }

    @Test
    void theMainRouteTableIsFoundByVpc() {
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"),
                filter("vpc-id", appVpc.vpcId()))).routeTables())
                .singleElement().extracting(RouteTable::vpcId).isEqualTo(appVpc.vpcId());
    }

    @Test
    void anUnknownFilterIsRefused() {
        assertEc2Error(() -> ec2.describeVpcs(r -> r.filters(filter("is_default", "true"))),
                "InvalidParameterValue", "The filter 'is_default' is invalid");
        assertEc2Error(() -> ec2.describeSubnets(r -> r.filters(filter("vpc-id", appVpc.vpcId()),
                filter("colour", "red"))), "InvalidParameterValue", "The filter 'colour' is invalid");
        assertEc2Error(() -> ec2.describeRegions(r -> r.filters(filter("tag:Name", "x"))),
                "InvalidParameterValue", "The filter 'tag:Name' is invalid");
    }
}
