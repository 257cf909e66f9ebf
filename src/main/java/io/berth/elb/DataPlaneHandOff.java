package io.berth.elb;

import io.berth.elb.ElbMessages.TargetHealth;

/**
 * Where the API's state meets the data plane: what a load balancer's state and a target's
 * health are. No data plane is attached yet, so nothing serves traffic and no health check runs:
 * a load balancer is {@code active} once stored, a target of a group no listener of a load
 * balancer uses is {@code unused} as ELB reports it, and one in use stays {@code initial}
 * (registration in progress), as no check ever completes. Attaching the HAProxy data plane
 * replaces these answers with what it reports.
 */
final class DataPlaneHandOff {

    static final TargetHealth NOT_IN_USE = new TargetHealth("unused", "Target.NotInUse",
            "Target group is not configured to receive traffic from the load balancer");
    static final TargetHealth REGISTERING = new TargetHealth("initial", "Elb.RegistrationInProgress",
            "Target registration is in progress");

    /** The state a stored load balancer is described in. */
    String loadBalancerState(Stored.LoadBalancer loadBalancer) {
        return "active";
    }

    /** A registered target's health, given whether a listener of a load balancer forwards to its group. */
    TargetHealth targetHealth(Stored.TargetGroup group, Stored.Target target, boolean inUse) {
        return inUse ? REGISTERING : NOT_IN_USE;
    }
}
