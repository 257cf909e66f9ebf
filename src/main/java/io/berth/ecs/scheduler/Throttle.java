package io.berth.ecs.scheduler;

import java.time.Duration;
import java.time.Instant;

/**
 * ECS's service throttle logic for one deployment: how many of its tasks in a row failed to reach
 * RUNNING, and when the next launch may be tried (null when launches are not held back). A new
 * deployment starts unthrottled.
 */
public record Throttle(String deploymentId, int consecutiveStartFailures, Instant nextAttemptAt) {

    /** Failures in a row before launches are spaced out and the service says it cannot start tasks. */
    static final int FAILURES_BEFORE_THROTTLING = 3;

    static Throttle none(String deploymentId) {
        return new Throttle(deploymentId, 0, null);
    }

    boolean throttling() {
        return consecutiveStartFailures >= FAILURES_BEFORE_THROTTLING;
    }

    boolean holdsBack(Instant now) {
        return nextAttemptAt != null && now.isBefore(nextAttemptAt);
    }

    /** After more failures: from the third one on, the delay doubles from the base up to the cap. */
    Throttle failed(int failures, Instant now, Timings timings) {
        int total = consecutiveStartFailures + failures;
        if (total < FAILURES_BEFORE_THROTTLING) {
            return new Throttle(deploymentId, total, null);
        }
        int doublings = Math.min(total - FAILURES_BEFORE_THROTTLING, 30);
        Duration delay = timings.throttleBase().multipliedBy(1L << doublings);
        if (delay.compareTo(timings.throttleMax()) > 0) {
            delay = timings.throttleMax();
        }
        return new Throttle(deploymentId, total, now.plus(delay));
    }
}
