package io.berth.ec2;

import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;
import io.berth.ec2.StoredRule.RuleKey;
import io.berth.edge.AwsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Security group permissions as EC2 reads and shows them: protocols and port ranges validated
 * and normalised, each permission split into one rule per peer, and rules gathered back into
 * permissions by protocol and ports. Pure: resolving source groups is the caller's.
 */
final class Permissions {

    static final String ALL_PROTOCOLS = "-1";
    private static final int MAX_PORT = 65535;

    private Permissions() {
    }

    /** A permission's protocol and ports as EC2 keeps them; ports are null where the protocol has none. */
    record Range(String protocol, Integer fromPort, Integer toPort) {
    }

    /** A rule a request names, before it has an id. */
    record Candidate(RuleKey key, String description) {
    }

    /**
     * One candidate per peer of each permission. {@code sourceGroup} turns a group pair into the
     * id of a group of the same VPC, or throws as EC2 does.
     */
    static List<Candidate> candidates(List<IpPermission> permissions, boolean egress,
                                      Function<UserIdGroupPair, String> sourceGroup) {
        List<Candidate> candidates = new ArrayList<>();
        for (IpPermission permission : permissions) {
            Range range = range(permission);
            for (IpRange ipRange : permission.ipRanges()) {
                if (ipRange.cidrIp() == null || Cidr.parse(ipRange.cidrIp()).isEmpty()) {
                    throw Ec2Errors.invalidParameterValue("CIDR block " + ipRange.cidrIp() + " is malformed");
                }
                candidates.add(new Candidate(new RuleKey(egress, range.protocol(), range.fromPort(), range.toPort(),
                        ipRange.cidrIp().trim(), null), ipRange.description()));
            }
            for (UserIdGroupPair pair : permission.groups()) {
                candidates.add(new Candidate(new RuleKey(egress, range.protocol(), range.fromPort(), range.toPort(),
                        null, sourceGroup.apply(pair)), pair.description()));
            }
        }
        return candidates;
    }

    static Range range(IpPermission permission) {
        String protocol = protocol(permission.ipProtocol());
        Integer from = permission.fromPort();
        Integer to = permission.toPort();
        return switch (protocol) {
            case "tcp", "udp" -> {
                if (from == null || to == null) {
                    throw portRange("Must specify both from and to ports with TCP/UDP.");
                }
                for (int port : new int[] {from, to}) {
                    if (port < 0 || port > MAX_PORT) {
                        throw Ec2Errors.error("InvalidPermission.Malformed", "TCP/UDP port (" + port + ") out of range");
                    }
                }
                if (from > to) {
                    throw Ec2Errors.error("InvalidPermission.Malformed",
                            "Invalid TCP/UDP port range (from port " + from + " exceeds to port " + to + ")");
                }
                yield new Range(protocol, from, to);
            }
            case "icmp", "icmpv6" -> {
                if (from == null || to == null) {
                    throw portRange("Must specify both from and to ports with ICMP.");
                }
                if (from < -1 || from > 255) {
                    throw Ec2Errors.invalidParameterValue("ICMP type (" + from + ") out of range");
                }
                if (to < -1 || to > 255) {
                    throw Ec2Errors.invalidParameterValue("ICMP code (" + to + ") out of range");
                }
                yield new Range(protocol, from, to);
            }
            // Every other protocol allows all of its traffic: EC2 ignores the ports given.
            default -> new Range(protocol, null, null);
        };
    }

    /** tcp, udp, icmp, icmpv6 or -1, their numbers 6, 17, 1, 58 read as those names, any other number 0-255. */
    static String protocol(String raw) {
        if (raw == null) {
            throw Ec2Errors.invalidParameterValue(
                    "Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly.");
        }
        String text = raw.trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "tcp", "udp", "icmp", "icmpv6", ALL_PROTOCOLS -> {
                return text;
            }
            default -> {
            }
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw unknownProtocol(raw);
        }
        return switch (number) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> {
                if (number < 0 || number > 255) {
                    throw unknownProtocol(raw);
                }
                yield Integer.toString(number);
            }
        };
    }

    /** Rules gathered into permissions by protocol and ports, in the order each permission first appears. */
    static List<IpPermission> permissions(List<StoredRule> rules, String ownerId) {
        Map<Range, List<StoredRule>> byRange = new LinkedHashMap<>();
        for (StoredRule rule : rules) {
            byRange.computeIfAbsent(new Range(rule.ipProtocol(), rule.fromPort(), rule.toPort()), r -> new ArrayList<>())
                    .add(rule);
        }
        return byRange.entrySet().stream().map(e -> new IpPermission(e.getKey().protocol(), e.getKey().fromPort(),
                e.getKey().toPort(),
                e.getValue().stream().filter(r -> r.cidrIpv4() != null)
                        .map(r -> new IpRange(r.cidrIpv4(), r.description())).toList(),
                e.getValue().stream().filter(r -> r.referencedGroupId() != null)
                        .map(r -> new UserIdGroupPair(r.referencedGroupId(), null, ownerId, r.description())).toList()))
                .toList();
    }

    /** A candidate as a one-peer permission, the form RevokeSecurityGroup* reports unknown rules in. */
    static IpPermission permission(RuleKey key, String ownerId) {
        return new IpPermission(key.ipProtocol(), key.fromPort(), key.toPort(),
                key.cidrIpv4() == null ? List.of() : List.of(new IpRange(key.cidrIpv4(), null)),
                key.referencedGroupId() == null ? List.of()
                        : List.of(new UserIdGroupPair(key.referencedGroupId(), null, ownerId, null)));
    }

    /** How EC2 names a rule in its messages: {@code peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW}. */
    static String describe(RuleKey key) {
        String peer = "peer: " + (key.cidrIpv4() != null ? key.cidrIpv4() : key.referencedGroupId()) + ", ";
        return peer + switch (key.ipProtocol()) {
            case "tcp", "udp" -> key.ipProtocol().toUpperCase(Locale.ROOT) + ", from port: " + key.fromPort()
                    + ", to port: " + key.toPort();
            case "icmp", "icmpv6" -> key.ipProtocol().toUpperCase(Locale.ROOT) + ", type: " + key.fromPort()
                    + ", code: " + key.toPort();
            case ALL_PROTOCOLS -> "ALL";
            default -> "protocol: " + key.ipProtocol();
        } + ", ALLOW";
    }

    private static AwsException portRange(String problem) {
        return Ec2Errors.invalidParameterValue("Invalid value '" + problem + "' for portRange.");
    }

    private static AwsException unknownProtocol(String raw) {
        return Ec2Errors.invalidParameterValue("Invalid value '" + raw + "' for IP protocol. Unknown protocol.");
    }
}
