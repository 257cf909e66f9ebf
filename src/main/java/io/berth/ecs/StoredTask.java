package io.berth.ecs;

import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;

/**
 * A task as stored: what ECS reports for it, the task definition it was launched from with the
 * overrides applied (the containers to run, fixed at launch), the runtime sandbox that holds it
 * once provisioned, where its awsvpc interface goes (null for a task without one), and the secret
 * its containers show the credentials endpoint for their task role.
 */
public record StoredTask(Task task, TaskDefinition definition, String sandboxId, ResolvedNetwork network,
                         String credentialsToken) {

    public StoredTask withTask(Task changed) {
        return new StoredTask(changed, definition, sandboxId, network, credentialsToken);
    }

    public StoredTask withSandbox(String id) {
        return new StoredTask(task, definition, id, network, credentialsToken);
    }

    public String id() {
        return TaskIds.id(task.taskArn());
    }

    public String clusterName() {
        return TaskIds.clusterName(task.clusterArn());
    }

    /** The account that owns the task, from its ARN. */
    public String accountId() {
        return task.taskArn().split(":")[4];
    }

    public String region() {
        return task.taskArn().split(":")[3];
    }
}
