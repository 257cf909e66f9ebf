package io.berth.ec2;

import io.berth.store.StoredTag;

import java.util.List;

/**
 * A VPC as the store keeps it and DescribeVpcs shows it (its state is always available), with
 * the attributes DescribeVpcAttribute shows. A VPC stored before Berth kept attributes has the
 * defaults.
 */
record StoredVpc(String vpcId, String ownerId, String cidrBlock, String cidrAssociationId, String dhcpOptionsId,
                 String instanceTenancy, boolean defaultVpc, Attributes attributes, List<StoredTag> tags)
        implements Tagged<StoredVpc> {

    StoredVpc {
        if (attributes == null) {
            attributes = Attributes.defaults(defaultVpc);
        }
    }

    /**
     * ModifyVpcAttribute's attributes. DNS resolution is on in every new VPC; DNS hostnames only in
     * the default VPC; Network Address Usage metrics are off.
     */
    record Attributes(boolean enableDnsSupport, boolean enableDnsHostnames,
                      boolean enableNetworkAddressUsageMetrics) {

        static Attributes defaults(boolean defaultVpc) {
            return new Attributes(true, defaultVpc, false);
        }
    }

    @Override
    public String id() {
        return vpcId;
    }

    @Override
    public StoredVpc withTags(List<StoredTag> newTags) {
        return new StoredVpc(vpcId, ownerId, cidrBlock, cidrAssociationId, dhcpOptionsId, instanceTenancy, defaultVpc,
                attributes, newTags);
    }

    StoredVpc withAttributes(Attributes newAttributes) {
        return new StoredVpc(vpcId, ownerId, cidrBlock, cidrAssociationId, dhcpOptionsId, instanceTenancy, defaultVpc,
                newAttributes, tags);
    }

    Cidr cidr() {
        return Cidr.parse(cidrBlock).orElseThrow();
    }
}
