package io.berth.ecs.scheduler;

import io.berth.ecs.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Observed tasks for table tests: by default RUNNING for an hour, healthy, unprotected, in no target group. */
final class TaskBuilder {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final String id;
    private String deployment = "ecs-svc/1";
    private String zone = "us-east-1a";
    private String subnet;
    private TaskStatus status = TaskStatus.RUNNING;
    private String desired = "RUNNING";
    private String stopCode;
    private Instant createdAt = NOW.minus(Duration.ofHours(1));
    private Instant startedAt = NOW.minus(Duration.ofMinutes(59));
    private boolean healthChecked;
    private String health = "UNKNOWN";
    private final Map<String, RegisteredTarget> targets = new HashMap<>();
    private Instant protectedUntil;

    private TaskBuilder(String id) {
        this.id = id;
    }

    static TaskBuilder task(String id) {
        return new TaskBuilder(id);
    }

    TaskBuilder of(String deploymentId) {
        deployment = deploymentId;
        return this;
    }

    TaskBuilder in(String availabilityZone) {
        zone = availabilityZone;
        return this;
    }

    TaskBuilder subnet(String subnetId) {
        subnet = subnetId;
        return this;
    }

    TaskBuilder created(Instant at) {
        createdAt = at;
        return this;
    }

    TaskBuilder startedAt(Instant at) {
        startedAt = at;
        return this;
    }

    TaskBuilder pending() {
        status = TaskStatus.PENDING;
        startedAt = null;
        return this;
    }

    /** Stopped by ECS for this reason; {@code everRunning} says whether it had reached RUNNING. */
    TaskBuilder stopped(String code, boolean everRunning) {
        status = TaskStatus.STOPPED;
        desired = "STOPPED";
        stopCode = code;
        if (!everRunning) {
            startedAt = null;
        }
        return this;
    }

    TaskBuilder health(String status) {
        healthChecked = true;
        health = status;
        return this;
    }

    TaskBuilder target(String targetGroupArn, TargetState state, String description) {
        targets.put(targetGroupArn, new RegisteredTarget(8080, state, description));
        return this;
    }

    TaskBuilder protectedUntil(Instant until) {
        protectedUntil = until;
        return this;
    }

    ObservedTask build() {
        return new ObservedTask(id, deployment, subnet == null ? "subnet-" + zone : subnet, zone, "10.0.0." + Math.abs(id.hashCode() % 250),
                status, desired, stopCode, createdAt, startedAt, healthChecked, health, targets, protectedUntil);
    }
}
