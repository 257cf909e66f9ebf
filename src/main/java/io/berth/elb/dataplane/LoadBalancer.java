package io.berth.elb.dataplane;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the data plane needs to serve one load balancer, as the ELBv2 API resolved it:
 * its interfaces (one per subnet), its security groups already resolved to rules, its
 * listeners with their rules, and the target groups those use with their registered targets.
 * The data plane converges on it as a whole: targets missing from a group are drained.
 *
 * @param id          a short id (the hex tail of the load balancer's ARN); names the namespace
 * @param idleTimeout the {@code idle_timeout.timeout_seconds} attribute (application LBs)
 */
public record LoadBalancer(String id, Type type, List<LbInterface> interfaces, SecurityGroups securityGroups,
                           Duration idleTimeout, List<Listener> listeners, List<TargetGroup> targetGroups) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public enum Type { APPLICATION, NETWORK }

    public LoadBalancer {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("load balancer id " + id + " is not [a-z0-9-]{1,40}");
        }
        Objects.requireNonNull(type);
        Objects.requireNonNull(securityGroups);
        Objects.requireNonNull(idleTimeout);
        interfaces = List.copyOf(interfaces);
        listeners = List.copyOf(listeners);
        targetGroups = List.copyOf(targetGroups);
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("a load balancer needs an interface in at least one subnet");
        }
        if (interfaces.stream().map(LbInterface::vpcId).distinct().count() > 1) {
            throw new IllegalArgumentException("a load balancer's subnets are in one VPC");
        }
        for (Listener listener : listeners) {
            boolean tcp = listener.protocol() == Protocol.TCP;
            if (tcp != (type == Type.NETWORK)) {
                throw new IllegalArgumentException("listener on port " + listener.port() + ": a " + type
                        + " load balancer does not take " + listener.protocol() + " listeners");
            }
            for (String group : listener.targetGroupIds()) {
                TargetGroup targetGroup = targetGroups.stream().filter(g -> g.id().equals(group)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("target group " + group + " is not in the load balancer"));
                if ((targetGroup.protocol() == Protocol.TCP) != tcp) {
                    throw new IllegalArgumentException("target group " + group + " is " + targetGroup.protocol()
                            + ", its listener " + listener.protocol());
                }
            }
        }
        if (listeners.stream().map(Listener::port).distinct().count() != listeners.size()) {
            throw new IllegalArgumentException("two listeners on one port");
        }
        if (targetGroups.stream().map(TargetGroup::id).distinct().count() != targetGroups.size()) {
            throw new IllegalArgumentException("a target group is listed twice");
        }
    }

    /** Whether some listener or rule sends traffic to the group: targets of other groups are "unused". */
    public boolean routesTo(String targetGroupId) {
        return listeners.stream().anyMatch(l -> l.targetGroupIds().contains(targetGroupId));
    }

    /** The namespace, run directory and interface names all derive from it. */
    public String namespace() {
        return namespaceOf(id);
    }

    static String namespaceOf(String id) {
        return "berth-lb-" + id;
    }
}
