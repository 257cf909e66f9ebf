package io.berth.ec2;

import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;
import io.berth.ec2.Permissions.Candidate;
import io.berth.ec2.StoredRule.RuleKey;
import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionsTest {

    private static IpPermission permission(String protocol, Integer from, Integer to, String... cidrs) {
        return new IpPermission(protocol, from, to,
                Arrays.stream(cidrs).map(c -> new IpRange(c, null)).toList(), List.of());
    }

    private static void refused(IpPermission permission, String code, String message) {
        assertThatThrownBy(() -> Permissions.range(permission))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @ParameterizedTest
    @CsvSource({"tcp, tcp", "TCP, tcp", "6, tcp", "udp, udp", "17, udp", "icmp, icmp", "1, icmp", "-1, -1",
            "icmpv6, icmpv6", "58, icmpv6", "50, 50", "047, 47", "0, 0", "255, 255"})
    void protocolsAreNormalisedAsEc2ShowsThem(String given, String kept) {
        assertThat(Permissions.protocol(given)).isEqualTo(kept);
    }

    @Test
    void unknownProtocolsAreRefused() {
        for (String protocol : List.of("all", "256", "-2", "gre")) {
            refused(permission(protocol, null, null), "InvalidParameterValue",
                    "Invalid value '" + protocol + "' for IP protocol. Unknown protocol.");
        }
        refused(permission(null, 1, 2), "InvalidParameterValue",
                "Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly.");
    }

    @Test
    void portsAreCheckedPerProtocol() {
        assertThat(Permissions.range(permission("tcp", 0, 65535))).isEqualTo(new Permissions.Range("tcp", 0, 65535));
        assertThat(Permissions.range(permission("icmp", -1, -1))).isEqualTo(new Permissions.Range("icmp", -1, -1));
        assertThat(Permissions.range(permission("-1", 22, 22))).isEqualTo(new Permissions.Range("-1", null, null));
        assertThat(Permissions.range(permission("50", 1, 2))).isEqualTo(new Permissions.Range("50", null, null));

        refused(permission("tcp", null, 22), "InvalidParameterValue",
                "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
        refused(permission("udp", 53, null), "InvalidParameterValue",
                "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
        refused(permission("tcp", -1, 22), "InvalidPermission.Malformed", "TCP/UDP port (-1) out of range");
        refused(permission("tcp", 1, 65536), "InvalidPermission.Malformed", "TCP/UDP port (65536) out of range");
        refused(permission("tcp", 90, 80), "InvalidPermission.Malformed",
                "Invalid TCP/UDP port range (from port 90 exceeds to port 80)");
        refused(permission("icmp", 8, null), "InvalidParameterValue",
                "Invalid value 'Must specify both from and to ports with ICMP.' for portRange.");
        refused(permission("icmp", 256, 0), "InvalidParameterValue", "ICMP type (256) out of range");
        refused(permission("icmp", 8, 65535), "InvalidParameterValue", "ICMP code (65535) out of range");
    }

    @Test
    void eachPeerBecomesACandidateRule() {
        IpPermission permission = new IpPermission("tcp", 80, 81,
                List.of(new IpRange("0.0.0.0/0", "anyone"), new IpRange("10.0.0.0/8", null)),
                List.of(new UserIdGroupPair("sg-b", null, null, "balancer")));

        List<Candidate> candidates = Permissions.candidates(List.of(permission), false, pair -> pair.groupId() + "!");

        assertThat(candidates).containsExactly(
                new Candidate(new RuleKey(false, "tcp", 80, 81, "0.0.0.0/0", null), "anyone"),
                new Candidate(new RuleKey(false, "tcp", 80, 81, "10.0.0.0/8", null), null),
                new Candidate(new RuleKey(false, "tcp", 80, 81, null, "sg-b!"), "balancer"));
        assertThatThrownBy(() -> Permissions.candidates(List.of(permission("tcp", 1, 1, "10.0.0/8")), false, p -> ""))
                .isInstanceOf(AwsException.class).hasMessage("CIDR block 10.0.0/8 is malformed");
    }

    @Test
    void rulesAreNamedAsEc2NamesThem() {
        assertThat(Permissions.describe(new RuleKey(false, "tcp", 80, 80, "0.0.0.0/0", null)))
                .isEqualTo("peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW");
        assertThat(Permissions.describe(new RuleKey(true, "udp", 53, 53, null, "sg-1")))
                .isEqualTo("peer: sg-1, UDP, from port: 53, to port: 53, ALLOW");
        assertThat(Permissions.describe(new RuleKey(false, "-1", null, null, "10.0.0.0/8", null)))
                .isEqualTo("peer: 10.0.0.0/8, ALL, ALLOW");
        assertThat(Permissions.describe(new RuleKey(false, "50", null, null, "12.12.12.12/32", null)))
                .isEqualTo("peer: 12.12.12.12/32, protocol: 50, ALLOW");
        assertThat(Permissions.describe(new RuleKey(false, "icmp", 8, -1, "0.0.0.0/0", null)))
                .isEqualTo("peer: 0.0.0.0/0, ICMP, type: 8, code: -1, ALLOW");
    }

    @Test
    void rulesGatherIntoPermissionsByProtocolAndPorts() {
        List<StoredRule> rules = List.of(
                new StoredRule("sgr-1", false, "tcp", 80, 80, "0.0.0.0/0", null, "web", List.of()),
                new StoredRule("sgr-2", false, "-1", null, null, null, "sg-self", null, List.of()),
                new StoredRule("sgr-3", false, "tcp", 80, 80, null, "sg-lb", "lb", List.of()),
                new StoredRule("sgr-4", false, "tcp", 80, 80, "10.0.0.0/8", null, null, List.of()));

        assertThat(Permissions.permissions(rules, "123456789012")).containsExactly(
                new IpPermission("tcp", 80, 80, List.of(new IpRange("0.0.0.0/0", "web"), new IpRange("10.0.0.0/8", null)),
                        List.of(new UserIdGroupPair("sg-lb", null, "123456789012", "lb"))),
                new IpPermission("-1", null, null, List.of(),
                        List.of(new UserIdGroupPair("sg-self", null, "123456789012", null))));
    }
}
