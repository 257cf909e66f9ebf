package io.berth.net;

import java.util.List;

/**
 * Security groups as an iptables-restore ruleset for a task's namespace: deny by default,
 * replies to allowed connections pass (conntrack), each rule allows its protocol, ports and peers.
 * Berth's agent endpoint stays reachable whatever the egress rules say, as the ECS agent's
 * link-local endpoints do on Fargate.
 */
final class FirewallRules {

    private FirewallRules() {
    }

    static String render(List<FirewallRule> ingress, List<FirewallRule> egress) {
        StringBuilder rules = new StringBuilder("*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n");
        rules.append("-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n");
        for (FirewallRule rule : ingress) {
            append(rules, "INPUT", "-s", rule);
        }
        rules.append("-A OUTPUT -o lo -j ACCEPT\n-A OUTPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n");
        rules.append("-A OUTPUT -d ").append(TaskNetwork.AGENT_ADDRESS).append("/32 -p tcp -j ACCEPT\n");
        for (FirewallRule rule : egress) {
            append(rules, "OUTPUT", "-d", rule);
        }
        return rules.append("COMMIT\n").toString();
    }

    private static void append(StringBuilder rules, String chain, String peerFlag, FirewallRule rule) {
        for (String peer : rule.peers()) {
            rules.append("-A ").append(chain).append(' ').append(peerFlag).append(' ').append(peer);
            switch (rule.protocol()) {
                case "-1", "all" -> { }
                case "tcp", "udp", "6", "17" -> {
                    String protocol = rule.protocol().equals("6") ? "tcp" : rule.protocol().equals("17") ? "udp" : rule.protocol();
                    rules.append(" -p ").append(protocol).append(" -m ").append(protocol)
                            .append(" --dport ").append(Math.max(0, rule.fromPort())).append(':')
                            .append(rule.toPort() < 0 ? 65535 : rule.toPort());
                }
                case "icmp", "1" -> rules.append(" -p icmp");
                default -> rules.append(" -p ").append(rule.protocol());
            }
            rules.append(" -j ACCEPT\n");
        }
    }
}
