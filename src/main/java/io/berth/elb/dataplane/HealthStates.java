package io.berth.elb.dataplane;

import io.berth.elb.dataplane.TargetHealth.Reason;
import io.berth.elb.dataplane.TargetHealth.State;

/** ELB's target health from what HAProxy says of a slot (pure). */
final class HealthStates {

    private HealthStates() {
    }

    /**
     * @param checkingSinceRegistration whether the target was registered so recently that a
     *                                  failing check has not yet had its unhealthy threshold of
     *                                  tries: ELB keeps such a target {@code initial}
     */
    static TargetHealth of(LoadBalancer lb, TargetGroup group, Slot slot, boolean checkingSinceRegistration) {
        Target target = slot.target();
        if (slot.draining()) {
            return TargetHealth.of(group.id(), target, State.DRAINING, Reason.DEREGISTRATION_IN_PROGRESS);
        }
        if (!lb.routesTo(group.id())) {
            return TargetHealth.of(group.id(), target, State.UNUSED, Reason.NOT_IN_USE);
        }
        if (slot.status().startsWith("UP")) {
            return TargetHealth.healthy(group.id(), target);
        }
        if (slot.checkStatus().isEmpty() || slot.checkStatus().equals("INI")) {
            return TargetHealth.of(group.id(), target, State.INITIAL, Reason.REGISTRATION_IN_PROGRESS);
        }
        if (checkingSinceRegistration) {
            return TargetHealth.of(group.id(), target, State.INITIAL, Reason.INITIAL_HEALTH_CHECKING);
        }
        return switch (slot.checkStatus()) {
            case "L7STS" -> TargetHealth.codeMismatch(group.id(), target, slot.checkCode());
            case "L4TOUT", "L6TOUT", "L7TOUT" -> TargetHealth.of(group.id(), target, State.UNHEALTHY, Reason.TIMEOUT);
            default -> TargetHealth.of(group.id(), target, State.UNHEALTHY, Reason.FAILED_HEALTH_CHECKS);
        };
    }
}
