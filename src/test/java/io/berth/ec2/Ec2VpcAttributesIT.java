package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HostnameType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.nio.file.Path;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

/** DescribeVpcAttribute, ModifyVpcAttribute and ModifySubnetAttribute through the AWS SDK. */
class Ec2VpcAttributesIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, "eu-west-1");
    }

    @AfterAll
    static void stop() {
        ec2.close();
        berth.close();
    }

    private static AttributeBooleanValue value(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    private static boolean attribute(String vpcId, VpcAttributeName name) {
        DescribeVpcAttributeResponse response = ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(name));
        assertThat(response.vpcId()).isEqualTo(vpcId);
        AttributeBooleanValue value = switch (name) {
            case ENABLE_DNS_SUPPORT -> response.enableDnsSupport();
            case ENABLE_DNS_HOSTNAMES -> response.enableDnsHostnames();
            case ENABLE_NETWORK_ADDRESS_USAGE_METRICS -> response.enableNetworkAddressUsageMetrics();
            default -> throw new IllegalArgumentException(name.toString());
        };
        assertThat(value).as("%s answered", name).isNotNull();
        return value.value();
    }

    private static Subnet subnet(String subnetId) {
        return ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().getFirst();
    }

    @Test
    void newVpcsResolveButNameNoHostsTheDefaultVpcDoesBoth() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.50.0.0/16")).vpc().vpcId();
        String defaultVpcId = ec2.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true")
                .build())).vpcs().getFirst().vpcId();

        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)).isTrue();
        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES)).isFalse();
        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS)).isFalse();
        assertThat(attribute(defaultVpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)).isTrue();
        assertThat(attribute(defaultVpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES)).isTrue();
        assertThat(attribute(defaultVpcId, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS)).isFalse();
    }

    @Test
    void modifyVpcAttributeSetsOneAttributeAtATimeAndItLasts() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.51.0.0/16")).vpc().vpcId();

        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableNetworkAddressUsageMetrics(value(true)));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(value(false)));

        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES)).isTrue();
        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS)).isTrue();
        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)).isFalse();

        assertEc2Error(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(value(true))
                        .enableDnsSupport(value(true))), "InvalidParameterCombination",
                "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport");
        assertEc2Error(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId)), "InvalidParameterCombination",
                "No attributes specified.");
        assertEc2Error(() -> ec2.modifyVpcAttribute(r -> r.vpcId("vpc-0000000000000000f")
                        .enableDnsHostnames(value(true))), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0000000000000000f' does not exist");
        assertThat(attribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT)).isFalse();
    }

    @Test
    void describeVpcAttributeNamesOneKnownAttributeOfAKnownVpc() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.52.0.0/16")).vpc().vpcId();

        assertEc2Error(() -> ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute("EnableDnsHostnames")),
                "InvalidParameterValue", "Value (EnableDnsHostnames) for parameter attribute is invalid. "
                        + "Unknown attribute.");
        assertEc2Error(() -> ec2.describeVpcAttribute(r -> r.vpcId("vpc-0000000000000000f")
                        .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0000000000000000f' does not exist");
        assertEc2Error(() -> ec2.describeVpcAttribute(r -> r.vpcId(vpcId)), "MissingParameter",
                "The request must contain the parameter Attribute");
    }

    @Test
    void modifySubnetAttributeChangesWhatDescribeSubnetsShows() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.53.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.53.1.0/24")).subnet().subnetId();
        Subnet before = subnet(subnetId);
        assertThat(before.mapPublicIpOnLaunch()).isFalse();
        assertThat(before.enableDns64()).isFalse();
        assertThat(before.privateDnsNameOptionsOnLaunch().hostnameType()).isEqualTo(HostnameType.IP_NAME);

        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(value(true)));
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).privateDnsHostnameTypeOnLaunch(HostnameType.RESOURCE_NAME));
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).enableResourceNameDnsARecordOnLaunch(value(true)));
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).enableDns64(value(true)));
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).assignIpv6AddressOnCreation(value(false)));

        Subnet after = subnet(subnetId);
        assertThat(after.mapPublicIpOnLaunch()).isTrue();
        assertThat(after.enableDns64()).isTrue();
        assertThat(after.assignIpv6AddressOnCreation()).isFalse();
        assertThat(after.privateDnsNameOptionsOnLaunch().hostnameType()).isEqualTo(HostnameType.RESOURCE_NAME);
        assertThat(after.privateDnsNameOptionsOnLaunch().enableResourceNameDnsARecord()).isTrue();
        assertThat(after.privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord()).isFalse();
        assertThat(ec2.describeSubnets(r -> r.filters(Filter.builder().name("map-public-ip-on-launch")
                .values("true").build(), Filter.builder().name("vpc-id").values(vpcId).build())).subnets())
                .extracting(Subnet::subnetId).containsExactly(subnetId);

        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(value(false)));
        assertThat(subnet(subnetId).mapPublicIpOnLaunch()).isFalse();
    }

    @Test
    void modifySubnetAttributeRefusesWhatAnIpv4SubnetCannotHave() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.54.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.54.1.0/24")).subnet().subnetId();

        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)
                        .assignIpv6AddressOnCreation(value(true))), "InvalidParameterValue",
                "Invalid value 'true' for assignIpv6AddressOnCreation. Cannot set assignIpv6AddressOnCreation to "
                        + "true unless the subnet (" + subnetId + ") has an IPv6 CIDR block associated with it.");
        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(value(true))
                        .enableDns64(value(true))), "InvalidParameterCombination",
                "Fields for multiple attribute types specified: mapPublicIpOnLaunch, enableDns64");
        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)), "InvalidParameterCombination",
                "No attributes specified.");
        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)
                        .privateDnsHostnameTypeOnLaunch("host-name")), "InvalidParameterValue",
                "Value (host-name) for parameter privateDnsHostnameTypeOnLaunch is invalid.");
        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId("subnet-0000000000000000f")
                        .mapPublicIpOnLaunch(value(true))), "InvalidSubnetID.NotFound",
                "The subnet ID 'subnet-0000000000000000f' does not exist");
        assertThat(subnet(subnetId).mapPublicIpOnLaunch()).isFalse();
    }
}
