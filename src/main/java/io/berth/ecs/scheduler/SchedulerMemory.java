package io.berth.ecs.scheduler;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the planner remembers about a service between rounds, returned in each plan for the applier
 * to store with the service: the stopped tasks whose failure was already counted (only those still
 * in the snapshot are kept), the launch throttle of the primary deployment, and the condition events
 * written (steady state, unable to start tasks, ...) with when, so that each is written once while
 * its condition lasts, as ECS omits duplicates until the cause is resolved or six hours pass.
 */
public record SchedulerMemory(Set<String> countedStops, Throttle throttle, Map<String, Instant> notices) {

    public SchedulerMemory {
        countedStops = Set.copyOf(countedStops);
        notices = Map.copyOf(notices);
    }

    /** A new service's: nothing counted, nothing written. */
    public static SchedulerMemory empty() {
        return new SchedulerMemory(Set.of(), null, Map.of());
    }
}
