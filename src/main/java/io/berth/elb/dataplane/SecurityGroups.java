package io.berth.elb.dataplane;

import io.berth.net.FirewallRule;

import java.util.List;

/**
 * The load balancer's security groups with their rules resolved to addresses, enforced on its
 * interfaces as a task's are. A network load balancer created without groups filters nothing.
 */
public record SecurityGroups(List<String> groupIds, List<FirewallRule> ingress, List<FirewallRule> egress) {

    public static final SecurityGroups NONE = new SecurityGroups(List.of(), List.of(), List.of());

    public SecurityGroups {
        groupIds = List.copyOf(groupIds);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    public boolean enforced() {
        return !groupIds.isEmpty();
    }
}
