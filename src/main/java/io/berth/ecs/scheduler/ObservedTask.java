package io.berth.ecs.scheduler;

import io.berth.ecs.TaskStatus;

import java.time.Instant;
import java.util.Map;

/**
 * One of the service's tasks as it is now: which deployment started it, where it runs, its statuses,
 * when it was created and when it reached RUNNING (null before), whether an essential container has a
 * health check and the task's {@code healthStatus}, its registrations by target group ARN, and until
 * when it is protected from scale-in (null when it is not).
 */
public record ObservedTask(String taskId, String startedBy, String subnetId, String availabilityZone, String privateIp,
                           TaskStatus lastStatus, String desiredStatus, String stopCode, Instant createdAt,
                           Instant startedAt, boolean healthChecked, String healthStatus,
                           Map<String, RegisteredTarget> targets, Instant protectedUntil) {

    public ObservedTask {
        targets = Map.copyOf(targets);
    }

    /** Wanted running and not yet stopped: what the service counts towards its desired count. */
    boolean live() {
        return "RUNNING".equals(desiredStatus) && lastStatus != TaskStatus.STOPPED;
    }

    /** Holding resources: anything not yet STOPPED, a task being stopped included. */
    boolean occupying() {
        return lastStatus != TaskStatus.STOPPED;
    }

    boolean stopped() {
        return !"RUNNING".equals(desiredStatus) || lastStatus == TaskStatus.STOPPED;
    }

    boolean running() {
        return lastStatus == TaskStatus.RUNNING && startedAt != null;
    }

    boolean protectedAt(Instant now) {
        return protectedUntil != null && now.isBefore(protectedUntil);
    }
}
