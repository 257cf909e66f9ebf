package io.berth.ecs.scheduler;

/**
 * A deployment's status as DescribeServices shows it. INACTIVE deployments are no longer shown, so
 * the planner drops them from the list it returns rather than naming that status.
 */
public enum DeploymentStatus {
    PRIMARY, ACTIVE
}
