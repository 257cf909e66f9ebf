package io.berth.ecs.scheduler;

/** A deployment's {@code rolloutState}. */
public enum RolloutState {
    IN_PROGRESS, COMPLETED, FAILED
}
