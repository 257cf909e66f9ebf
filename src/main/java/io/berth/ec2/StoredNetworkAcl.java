package io.berth.ec2;

import io.berth.store.StoredTag;

import java.util.List;

/**
 * A network ACL as the store keeps it and DescribeNetworkAcls shows it. Every VPC has a default
 * ACL, made and deleted with the VPC, that allows all traffic both ways; each subnet of the VPC
 * is associated with it from its creation until its deletion.
 */
record StoredNetworkAcl(String networkAclId, String ownerId, String vpcId, boolean defaultAcl, List<Entry> entries,
                        List<Association> associations, List<StoredTag> tags) implements Tagged<StoredNetworkAcl> {

    /** A numbered rule for one direction; Berth's are the default ACL's, for every protocol and port. */
    record Entry(int ruleNumber, String protocol, String ruleAction, boolean egress, String cidrBlock) {
    }

    record Association(String networkAclAssociationId, String subnetId) {
    }

    @Override
    public String id() {
        return networkAclId;
    }

    @Override
    public StoredNetworkAcl withTags(List<StoredTag> newTags) {
        return new StoredNetworkAcl(networkAclId, ownerId, vpcId, defaultAcl, entries, associations, newTags);
    }

    StoredNetworkAcl withAssociations(List<Association> newAssociations) {
        return new StoredNetworkAcl(networkAclId, ownerId, vpcId, defaultAcl, entries, List.copyOf(newAssociations),
                tags);
    }
}
