package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Tag;

import java.util.List;

/** A VPC as the store keeps it and DescribeVpcs shows it (its state is always available). */
record StoredVpc(String vpcId, String ownerId, String cidrBlock, String cidrAssociationId, String dhcpOptionsId,
                 String instanceTenancy, boolean defaultVpc, List<Tag> tags) implements Tagged<StoredVpc> {

    @Override
    public String id() {
        return vpcId;
    }

    @Override
    public StoredVpc withTags(List<Tag> newTags) {
        return new StoredVpc(vpcId, ownerId, cidrBlock, cidrAssociationId, dhcpOptionsId, instanceTenancy, defaultVpc,
                newTags);
    }

    Cidr cidr() {
        return Cidr.parse(cidrBlock).orElseThrow();
    }
}
