package io.berth.ecs.scheduler;

/** A target's {@code TargetHealth.State} as ELB reports it. */
public enum TargetState {
    INITIAL, HEALTHY, UNHEALTHY, UNUSED, DRAINING, UNAVAILABLE
}
