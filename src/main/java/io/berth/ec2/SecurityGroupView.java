package io.berth.ec2;

import java.util.List;

/**
 * A security group as a firewall enforces it: its rules, each a protocol and port range with
 * the CIDRs and source groups it allows, and the private addresses of the interfaces in the group
 * (what a rule naming this group as its source allows).
 */
public record SecurityGroupView(String groupId, String vpcId, List<Rule> ingress, List<Rule> egress,
                                List<String> memberAddresses) {

    public SecurityGroupView {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        memberAddresses = List.copyOf(memberAddresses);
    }

    /**
     * One permission. {@code protocol} is tcp, udp, icmp, icmpv6, -1 (all) or an IP protocol
     * number; the ports are a TCP/UDP range, an ICMP type and code (-1 meaning any), or -1 and -1
     * for protocols without ports.
     */
    public record Rule(String protocol, int fromPort, int toPort, List<String> cidrs, List<String> sourceGroupIds) {

        public Rule {
            cidrs = List.copyOf(cidrs);
            sourceGroupIds = List.copyOf(sourceGroupIds);
        }
    }
}
