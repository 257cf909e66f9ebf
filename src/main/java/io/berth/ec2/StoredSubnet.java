package io.berth.ec2;

import io.berth.store.StoredTag;

import java.util.List;

/**
 * A subnet as the store keeps it; its free address count is worked out from the interfaces in it.
 * The launch attributes ModifySubnetAttribute sets are kept as DescribeSubnets shows them; a
 * subnet stored before Berth kept them has EC2's defaults.
 */
record StoredSubnet(String subnetId, String subnetArn, String ownerId, String vpcId, String cidrBlock,
                    String availabilityZone, String availabilityZoneId, boolean defaultForAz,
                    boolean mapPublicIpOnLaunch, boolean enableDns64,
                    PrivateDnsNameOptions privateDnsNameOptionsOnLaunch, List<StoredTag> tags)
        implements Tagged<StoredSubnet> {

    /** AWS keeps the first four addresses (network, router, DNS, reserved) and the last (broadcast) of every subnet. */
    static final int RESERVED_ADDRESSES = 5;

    StoredSubnet {
        if (privateDnsNameOptionsOnLaunch == null) {
            privateDnsNameOptionsOnLaunch = PrivateDnsNameOptions.DEFAULT;
        }
    }

    /** How instances launched in the subnet are named, {@code ip-name} or {@code resource-name}, and their records. */
    record PrivateDnsNameOptions(String hostnameType, boolean enableResourceNameDnsARecord,
                                 boolean enableResourceNameDnsAAAARecord) {

        static final PrivateDnsNameOptions DEFAULT = new PrivateDnsNameOptions("ip-name", false, false);
    }

    @Override
    public String id() {
        return subnetId;
    }

    @Override
    public StoredSubnet withTags(List<StoredTag> newTags) {
        return new StoredSubnet(subnetId, subnetArn, ownerId, vpcId, cidrBlock, availabilityZone, availabilityZoneId,
                defaultForAz, mapPublicIpOnLaunch, enableDns64, privateDnsNameOptionsOnLaunch, newTags);
    }

    StoredSubnet withMapPublicIpOnLaunch(boolean value) {
        return new StoredSubnet(subnetId, subnetArn, ownerId, vpcId, cidrBlock, availabilityZone, availabilityZoneId,
                defaultForAz, value, enableDns64, privateDnsNameOptionsOnLaunch, tags);
    }

    StoredSubnet withEnableDns64(boolean value) {
        return new StoredSubnet(subnetId, subnetArn, ownerId, vpcId, cidrBlock, availabilityZone, availabilityZoneId,
                defaultForAz, mapPublicIpOnLaunch, value, privateDnsNameOptionsOnLaunch, tags);
    }

    StoredSubnet withPrivateDnsNameOptionsOnLaunch(PrivateDnsNameOptions options) {
        return new StoredSubnet(subnetId, subnetArn, ownerId, vpcId, cidrBlock, availabilityZone, availabilityZoneId,
                defaultForAz, mapPublicIpOnLaunch, enableDns64, options, tags);
    }

    Cidr cidr() {
        return Cidr.parse(cidrBlock).orElseThrow();
    }

    long usableAddresses() {
        return cidr().size() - RESERVED_ADDRESSES;
    }
}
