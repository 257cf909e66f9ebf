package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** What a new AWS account finds in every region: the regions, three zones, a default VPC, its subnets and group. */
class Ec2DefaultsIT {

    @TempDir
    Path dataDir;

    @Test
    void everyRegionHasADefaultVpcWithOneSubnetPerZoneAndADefaultGroup() {
        try (TestBerth berth = TestBerth.start(dataDir); Ec2Client ec2 = Ec2ItSupport.ec2(berth, "us-east-1")) {
            List<Vpc> vpcs = ec2.describeVpcs().vpcs();
            assertThat(vpcs).hasSize(1);
            Vpc vpc = vpcs.getFirst();
            assertThat(vpc.vpcId()).matches("vpc-[0-9a-f]{17}");
            assertThat(vpc.cidrBlock()).isEqualTo("172.31.0.0/16");
            assertThat(vpc.isDefault()).isTrue();
            assertThat(vpc.stateAsString()).isEqualTo("available");
            assertThat(vpc.instanceTenancyAsString()).isEqualTo("default");
            assertThat(vpc.ownerId()).isEqualTo(TestBerth.ACCOUNT);
            assertThat(vpc.dhcpOptionsId()).matches("dopt-[0-9a-f]{17}");
            assertThat(vpc.cidrBlockAssociationSet()).singleElement()
                    .satisfies(a -> assertThat(a.cidrBlock()).isEqualTo("172.31.0.0/16"));

            List<Subnet> subnets = ec2.describeSubnets().subnets();
            assertThat(subnets).extracting(Subnet::cidrBlock, Subnet::availabilityZone, Subnet::availabilityZoneId,
                            Subnet::defaultForAz, Subnet::mapPublicIpOnLaunch, Subnet::availableIpAddressCount)
                    .containsExactlyInAnyOrder(
                            tuple("172.31.0.0/20", "us-east-1a", "use1-az1", true, true, 4091),
                            tuple("172.31.16.0/20", "us-east-1b", "use1-az2", true, true, 4091),
                            tuple("172.31.32.0/20", "us-east-1c", "use1-az3", true, true, 4091));
            assertThat(subnets).allSatisfy(s -> {
                assertThat(s.vpcId()).isEqualTo(vpc.vpcId());
                assertThat(s.subnetArn()).isEqualTo("arn:aws:ec2:us-east-1:000000000000:subnet/" + s.subnetId());
            });

            SecurityGroup group = ec2.describeSecurityGroups().securityGroups().getFirst();
            assertThat(group.groupName()).isEqualTo("default");
            assertThat(group.description()).isEqualTo("default VPC security group");
            assertThat(group.vpcId()).isEqualTo(vpc.vpcId());
            assertThat(group.ipPermissions()).singleElement().satisfies(p -> {
                assertThat(p.ipProtocol()).isEqualTo("-1");
                assertThat(p.userIdGroupPairs()).singleElement()
                        .satisfies(pair -> assertThat(pair.groupId()).isEqualTo(group.groupId()));
            });
            assertThat(group.ipPermissionsEgress()).singleElement().satisfies(p -> {
                assertThat(p.ipProtocol()).isEqualTo("-1");
                assertThat(p.fromPort()).isNull();
                assertThat(p.ipRanges()).singleElement().satisfies(r -> assertThat(r.cidrIp()).isEqualTo("0.0.0.0/0"));
            });
        }
    }

    @Test
    void eachRegionHasItsOwnDefaultsAndTheyOutliveARestart() {
        String usVpc;
        String euVpc;
        try (TestBerth berth = TestBerth.start(dataDir);
             Ec2Client us = Ec2ItSupport.ec2(berth, "us-east-1");
             Ec2Client eu = Ec2ItSupport.ec2(berth, "eu-west-1")) {
            usVpc = us.describeVpcs().vpcs().getFirst().vpcId();
            euVpc = eu.describeVpcs().vpcs().getFirst().vpcId();
            assertThat(euVpc).isNotEqualTo(usVpc);
            assertThat(eu.describeSubnets().subnets()).extracting(Subnet::availabilityZone, Subnet::availabilityZoneId)
                    .containsExactlyInAnyOrder(tuple("eu-west-1a", "euw1-az1"), tuple("eu-west-1b", "euw1-az2"),
                            tuple("eu-west-1c", "euw1-az3"));
        }
        try (TestBerth berth = TestBerth.start(dataDir);
             Ec2Client us = Ec2ItSupport.ec2(berth, "us-east-1");
             Ec2Client eu = Ec2ItSupport.ec2(berth, "eu-west-1")) {
            assertThat(us.describeVpcs().vpcs()).extracting(Vpc::vpcId).containsExactly(usVpc);
            assertThat(eu.describeVpcs().vpcs()).extracting(Vpc::vpcId).containsExactly(euVpc);
        }
    }

    @Test
    void regionsAndAvailabilityZones() {
        try (TestBerth berth = TestBerth.start(dataDir); Ec2Client ec2 = Ec2ItSupport.ec2(berth, "eu-central-1")) {
            List<Region> regions = ec2.describeRegions().regions();
            assertThat(regions).hasSize(17).extracting(Region::regionName).contains("us-east-1", "eu-west-1", "ap-southeast-2");
            assertThat(regions).allSatisfy(r -> {
                assertThat(r.endpoint()).isEqualTo("ec2." + r.regionName() + ".amazonaws.com");
                assertThat(r.optInStatus()).isEqualTo("opt-in-not-required");
            });
            assertThat(ec2.describeRegions(r -> r.regionNames("us-west-2")).regions())
                    .extracting(Region::regionName).containsExactly("us-west-2");

            List<AvailabilityZone> zones = ec2.describeAvailabilityZones().availabilityZones();
            assertThat(zones).extracting(AvailabilityZone::zoneName, AvailabilityZone::zoneId,
                            AvailabilityZone::stateAsString, AvailabilityZone::regionName)
                    .containsExactly(tuple("eu-central-1a", "euc1-az1", "available", "eu-central-1"),
                            tuple("eu-central-1b", "euc1-az2", "available", "eu-central-1"),
                            tuple("eu-central-1c", "euc1-az3", "available", "eu-central-1"));
            assertThat(ec2.describeAvailabilityZones(r -> r.filters(
                    Filter.builder().name("zone-id").values("euc1-az2").build())).availabilityZones())
                    .extracting(AvailabilityZone::zoneName).containsExactly("eu-central-1b");
            Ec2ItSupport.assertEc2Error(() -> ec2.describeAvailabilityZones(r -> r.filters(
                            Filter.builder().name("colour").values("red").build())),
                    "InvalidParameterValue", "The filter 'colour' is invalid");
        }
    }

    @Test
    void dryRunsAreAnsweredWithoutActing() {
        try (TestBerth berth = TestBerth.start(dataDir); Ec2Client ec2 = Ec2ItSupport.ec2(berth, "us-east-1")) {
            Ec2Exception error = catchThrowableOfType(Ec2Exception.class,
                    () -> ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16").dryRun(true)));

            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
            assertThat(error.statusCode()).isEqualTo(412);
            assertThat(ec2.describeVpcs().vpcs()).hasSize(1);
        }
    }
}
