package io.berth.ecs.scheduler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * ECS's wording, exactly: the service events DescribeServices lists, the deployments'
 * {@code rolloutStateReason} and the {@code stoppedReason} of the tasks the scheduler stops.
 */
public final class ServiceEvents {

    public static final String CIRCUIT_BREAKER_FAILED = "ECS deployment circuit breaker: tasks failed to start.";
    public static final String SCHEDULER_STOP_CODE = "ServiceSchedulerInitiated";
    static final String FAILED_CONTAINER_HEALTH_CHECKS = "Task failed container health checks";

    private ServiceEvents() {
    }

    public static String inProgressReason(String deploymentId) {
        return "ECS deployment " + deploymentId + " in progress.";
    }

    public static String completedReason(String deploymentId) {
        return "ECS deployment " + deploymentId + " completed.";
    }

    public static String rollingBackReason(String deploymentId) {
        return "ECS deployment circuit breaker: rolling back to deploymentId " + deploymentId + ".";
    }

    static String scalingActivity(String deploymentId) {
        return "Scaling activity initiated by (deployment " + deploymentId + ")";
    }

    static String failedElbHealthChecks(String targetGroupArn) {
        return "Task failed ELB health checks in (target-group " + targetGroupArn + ")";
    }

    static String steadyState(String service) {
        return "(service " + service + ") has reached a steady state.";
    }

    static String started(String service, List<String> taskIds) {
        return "(service " + service + ") has started " + taskIds.size() + " tasks: " + tasks(taskIds) + ".";
    }

    static String stopped(String service, List<String> taskIds) {
        return "(service " + service + ") has stopped " + taskIds.size() + " running tasks: " + tasks(taskIds) + ".";
    }

    static String registered(String service, int count, String targetGroupArn) {
        return "(service " + service + ") registered " + count + " targets in (target-group " + targetGroupArn + ")";
    }

    static String deregistered(String service, int count, String targetGroupArn) {
        return "(service " + service + ") deregistered " + count + " targets in (target-group " + targetGroupArn + ")";
    }

    static String drainingConnections(String service, String deploymentId, int count) {
        return "(service " + service + ", taskSet " + deploymentId + ") has begun draining connections on " + count
                + " tasks.";
    }

    static String deploymentFailed(String service, String deploymentId) {
        return "(service " + service + ") (deployment " + deploymentId + ") deployment failed: tasks failed to start.";
    }

    static String rollingBack(String service, String deploymentId) {
        return "(service " + service + ") rolling back to deployment " + deploymentId + ".";
    }

    static String deploymentCompleted(String service, String deploymentId) {
        return "(service " + service + ") (deployment " + deploymentId + ") deployment completed.";
    }

    static String unableToStartTasks(String service) {
        return "(service " + service + ") is unable to consistently start tasks successfully.";
    }

    static String blockedByDeploymentConfiguration(String service) {
        return "(service " + service + ") was unable to stop or start tasks during a deployment because of the service"
                + " deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.";
    }

    static String failedContainerHealthChecks(String service, String taskId) {
        return "(service " + service + ") (task " + taskId + ") failed container health checks.";
    }

    static String unhealthyTarget(String service, String taskId, int port, String targetGroupArn, String reason) {
        return "(service " + service + ") (task " + taskId + ") (port " + port + ") is unhealthy in (target-group "
                + targetGroupArn + ") due to (reason " + reason + ").";
    }

    private static String tasks(List<String> taskIds) {
        return taskIds.stream().map(id -> "(task " + id + ")").collect(Collectors.joining(" "));
    }
}
