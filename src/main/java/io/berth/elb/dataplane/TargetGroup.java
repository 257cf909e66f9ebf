package io.berth.elb.dataplane;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A target group (target type ip) with its registered targets.
 *
 * @param id                  a short id (the hex tail of its ARN)
 * @param port                the group's port, for targets registered without one
 * @param deregistrationDelay {@code deregistration_delay.timeout_seconds}
 */
public record TargetGroup(String id, Protocol protocol, int port, HealthCheck healthCheck, Duration deregistrationDelay,
                          Algorithm algorithm, List<Target> targets) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** {@code load_balancing.algorithm.type}. */
    public enum Algorithm { ROUND_ROBIN, LEAST_OUTSTANDING_REQUESTS }

    public TargetGroup {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("target group id " + id + " is not [a-z0-9-]{1,40}");
        }
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(healthCheck);
        Objects.requireNonNull(deregistrationDelay);
        Objects.requireNonNull(algorithm);
        targets = List.copyOf(targets);
        if (targets.stream().distinct().count() != targets.size()) {
            throw new IllegalArgumentException("target group " + id + " lists a target twice");
        }
    }
}
