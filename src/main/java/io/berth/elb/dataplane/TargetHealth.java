package io.berth.elb.dataplane;

/**
 * What the data plane reports for one target of a group: ELB's {@code TargetHealth} state, and
 * for every state but healthy its reason code and description.
 *
 * @param reason      null when healthy
 * @param description null when healthy
 */
public record TargetHealth(String targetGroupId, Target target, State state, Reason reason, String description) {

    public static TargetHealth healthy(String targetGroupId, Target target) {
        return new TargetHealth(targetGroupId, target, State.HEALTHY, null, null);
    }

    public static TargetHealth of(String targetGroupId, Target target, State state, Reason reason) {
        return new TargetHealth(targetGroupId, target, state, reason, reason.description(""));
    }

    /** Unhealthy because the target answered its check with a code the matcher does not take. */
    public static TargetHealth codeMismatch(String targetGroupId, Target target, String answeredCode) {
        Reason reason = Reason.RESPONSE_CODE_MISMATCH;
        return new TargetHealth(targetGroupId, target, State.UNHEALTHY, reason, reason.description(answeredCode));
    }

    /** ELB's {@code TargetHealthStateEnum}. */
    public enum State {
        INITIAL("initial"), HEALTHY("healthy"), UNHEALTHY("unhealthy"), DRAINING("draining"),
        UNUSED("unused"), UNAVAILABLE("unavailable");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** ELB's {@code TargetHealthReasonEnum} with the descriptions ELB gives. */
    public enum Reason {
        REGISTRATION_IN_PROGRESS("Elb.RegistrationInProgress", "Target registration is in progress"),
        INITIAL_HEALTH_CHECKING("Elb.InitialHealthChecking", "Initial health checks in progress"),
        INTERNAL_ERROR("Elb.InternalError", "Health checks failed due to an internal error"),
        RESPONSE_CODE_MISMATCH("Target.ResponseCodeMismatch", "Health checks failed with these codes: [%s]"),
        TIMEOUT("Target.Timeout", "Request timed out"),
        FAILED_HEALTH_CHECKS("Target.FailedHealthChecks", "Health checks failed"),
        DEREGISTRATION_IN_PROGRESS("Target.DeregistrationInProgress", "Target deregistration is in progress"),
        NOT_REGISTERED("Target.NotRegistered", "Target is not registered to the target group"),
        NOT_IN_USE("Target.NotInUse", "Target group is not configured to receive traffic from the load balancer"),
        HEALTH_CHECK_DISABLED("Target.HealthCheckDisabled", "Health checks are disabled");

        private final String code;
        private final String description;

        Reason(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        /** The description; for a code mismatch, with the code the target answered. */
        public String description(String answeredCode) {
            return this == RESPONSE_CODE_MISMATCH ? description.formatted(answeredCode) : description;
        }
    }
}
