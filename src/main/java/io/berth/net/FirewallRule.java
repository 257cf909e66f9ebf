package io.berth.net;

import java.util.List;

/**
 * One security group rule resolved to addresses: protocol ("tcp", "udp", "icmp" or "-1" for
 * all), a port range (ignored for icmp and all), and the peers it allows (CIDRs, with source
 * groups already expanded to their members' /32 addresses).
 */
public record FirewallRule(String protocol, int fromPort, int toPort, List<String> peers) {
}
