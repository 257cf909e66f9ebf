package io.berth.ecs;

import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;

/**
 * A task as stored: what ECS reports for it, the task definition it was launched from with the
 * overrides applied (the containers to run, fixed at launch), and the runtime sandbox that
 * holds it once provisioned.
 */
public record StoredTask(Task task, TaskDefinition definition, String sandboxId) {

    public StoredTask withTask(Task changed) {
        return new StoredTask(changed, definition, sandboxId);
    }

    public StoredTask withSandbox(String id) {
        return new StoredTask(task, definition, id);
    }

    public String id() {
        return TaskIds.id(task.taskArn());
    }

    public String clusterName() {
        return TaskIds.clusterName(task.clusterArn());
    }
}
