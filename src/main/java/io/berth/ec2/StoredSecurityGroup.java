package io.berth.ec2;

import io.berth.store.StoredTag;

import java.util.List;

/** A security group and its rules, ingress and egress, in the order they were authorized. */
record StoredSecurityGroup(String groupId, String groupName, String description, String ownerId, String vpcId,
                           List<StoredRule> rules, List<StoredTag> tags) implements Tagged<StoredSecurityGroup> {

    static final String DEFAULT_NAME = "default";

    @Override
    public String id() {
        return groupId;
    }

    @Override
    public StoredSecurityGroup withTags(List<StoredTag> newTags) {
        return new StoredSecurityGroup(groupId, groupName, description, ownerId, vpcId, rules, newTags);
    }

    StoredSecurityGroup withRules(List<StoredRule> newRules) {
        return new StoredSecurityGroup(groupId, groupName, description, ownerId, vpcId, List.copyOf(newRules), tags);
    }

    /** Every VPC's own "default" group, which only deleting the VPC removes. */
    boolean defaultGroup() {
        return DEFAULT_NAME.equals(groupName);
    }

    List<StoredRule> rules(boolean egress) {
        return rules.stream().filter(r -> r.egress() == egress).toList();
    }
}
