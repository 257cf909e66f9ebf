package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Tag;

import java.util.List;

/** A subnet as the store keeps it; its free address count is worked out from the interfaces in it. */
record StoredSubnet(String subnetId, String subnetArn, String ownerId, String vpcId, String cidrBlock,
                    String availabilityZone, String availabilityZoneId, boolean defaultForAz,
                    boolean mapPublicIpOnLaunch, List<Tag> tags) implements Tagged<StoredSubnet> {

    /** AWS keeps the first four addresses (network, router, DNS, reserved) and the last (broadcast) of every subnet. */
    static final int RESERVED_ADDRESSES = 5;

    @Override
    public String id() {
        return subnetId;
    }

    @Override
    public StoredSubnet withTags(List<Tag> newTags) {
        return new StoredSubnet(subnetId, subnetArn, ownerId, vpcId, cidrBlock, availabilityZone, availabilityZoneId,
                defaultForAz, mapPublicIpOnLaunch, newTags);
    }

    Cidr cidr() {
        return Cidr.parse(cidrBlock).orElseThrow();
    }

    long usableAddresses() {
        return cidr().size() - RESERVED_ADDRESSES;
    }
}
