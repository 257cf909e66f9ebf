package io.berth.net;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ruleset of a task's security groups: what it lets out, and that the agent endpoint always gets through. */
class FirewallRulesTest {

    @Test
    void theAgentEndpointIsReachableOnAnyPortWhenTheGroupsAllowNoEgress() {
        String rules = FirewallRules.render(List.of(), List.of());

        assertThat(rules).contains(":OUTPUT DROP [0:0]\n")
                .contains("-A OUTPUT -d 169.254.170.2/32 -p tcp -j ACCEPT\n")
                .doesNotContain("--dport");
    }

    @Test
    void theAgentEndpointComesBeforeTheGroupsEgressRules() {
        String rules = FirewallRules.render(List.of(new FirewallRule("tcp", 80, 80, List.of("10.0.0.0/16"))),
                List.of(new FirewallRule("udp", 53, 53, List.of("10.0.0.2/32"))));

        assertThat(rules.indexOf("-d 169.254.170.2/32")).isLessThan(rules.indexOf("-A OUTPUT -d 10.0.0.2/32"));
        assertThat(rules).contains("-A INPUT -s 10.0.0.0/16 -p tcp -m tcp --dport 80:80 -j ACCEPT\n")
                .contains("-A OUTPUT -d 10.0.0.2/32 -p udp -m udp --dport 53:53 -j ACCEPT\n");
    }
}
