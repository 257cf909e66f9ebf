package io.berth.ecs;

/**
 * The ECS task lifecycle, in order. A task only ever moves forward along it; failures may skip
 * ahead (a task that never got its sandbox goes straight to STOPPED).
 */
public enum TaskStatus {
    PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED;

    /** The transition table: every later status, none earlier, not itself. */
    public boolean canMoveTo(TaskStatus next) {
        return next.ordinal() > ordinal();
    }
}
