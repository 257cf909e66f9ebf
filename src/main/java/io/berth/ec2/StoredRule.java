package io.berth.ec2;

import io.berth.store.StoredTag;

import java.util.List;

/**
 * One security group rule: a protocol (normalised: tcp, udp, icmp, icmpv6, -1 or a number), a
 * port range (ICMP type and code; null where the protocol has none), and exactly one peer, an
 * IPv4 CIDR or a security group.
 */
record StoredRule(String securityGroupRuleId, boolean egress, String ipProtocol, Integer fromPort, Integer toPort,
                  String cidrIpv4, String referencedGroupId, String description, List<StoredTag> tags)
        implements Tagged<StoredRule> {

    @Override
    public String id() {
        return securityGroupRuleId;
    }

    @Override
    public StoredRule withTags(List<StoredTag> newTags) {
        return new StoredRule(securityGroupRuleId, egress, ipProtocol, fromPort, toPort, cidrIpv4, referencedGroupId,
                description, newTags);
    }

    /** What makes two rules the same rule for EC2: everything but the id, description and tags. */
    RuleKey key() {
        return new RuleKey(egress, ipProtocol, fromPort, toPort, cidrIpv4, referencedGroupId);
    }

    record RuleKey(boolean egress, String ipProtocol, Integer fromPort, Integer toPort, String cidrIpv4,
                   String referencedGroupId) {
    }
}
