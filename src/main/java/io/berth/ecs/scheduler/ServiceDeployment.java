package io.berth.ecs.scheduler;

import java.time.Instant;

/**
 * One deployment of a service: the task definition its tasks run (their {@code startedBy} is its
 * id), how far it has rolled out and why, and how many of its tasks failed in a row (the circuit
 * breaker's count, shown as {@code failedTasks}).
 */
public record ServiceDeployment(String id, DeploymentStatus status, String taskDefinitionArn, RolloutState rolloutState,
                                String rolloutStateReason, int failedTasks, Instant createdAt) {

    /** A new deployment as UpdateService or CreateService makes it. */
    public static ServiceDeployment started(String id, String taskDefinitionArn, Instant createdAt) {
        return new ServiceDeployment(id, DeploymentStatus.PRIMARY, taskDefinitionArn, RolloutState.IN_PROGRESS,
                ServiceEvents.inProgressReason(id), 0, createdAt);
    }

    ServiceDeployment withStatus(DeploymentStatus changed) {
        return new ServiceDeployment(id, changed, taskDefinitionArn, rolloutState, rolloutStateReason, failedTasks, createdAt);
    }

    ServiceDeployment withRollout(RolloutState state, String reason) {
        return new ServiceDeployment(id, status, taskDefinitionArn, state, reason, failedTasks, createdAt);
    }

    ServiceDeployment withFailedTasks(int count) {
        return new ServiceDeployment(id, status, taskDefinitionArn, rolloutState, rolloutStateReason, count, createdAt);
    }
}
