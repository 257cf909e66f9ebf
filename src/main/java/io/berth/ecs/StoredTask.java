package io.berth.ecs;

import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task as the service and the task controller work with it (the store keeps it as a
 * {@link TaskDocument}): what ECS reports for it, the task definition it was launched from with the
 * overrides applied (the containers to run, fixed at launch), the runtime sandbox that holds it
 * once provisioned, where its awsvpc interface goes (null for a task without one), the secret
 * its containers show the credentials endpoint for their task role, and what the agent keeps
 * about each container (in the definition's order; empty for tasks stored before it was kept), and
 * its revision: how many times it was written, so a write can tell whether the task changed since
 * it was read (0 before its first write, and for tasks stored before revisions were kept), and until
 * when it is protected from scale-in (null when it is not; a time past means it no longer is).
 */
public record StoredTask(Task task, TaskDefinition definition, String sandboxId, ResolvedNetwork network,
                         String credentialsToken, List<AgentContainer> agentContainers, long revision,
                         Instant protectedUntil) {

    public StoredTask {
        agentContainers = agentContainers == null ? List.of() : List.copyOf(agentContainers);
    }

    public StoredTask withTask(Task changed) {
        return new StoredTask(changed, definition, sandboxId, network, credentialsToken, agentContainers, revision,
                protectedUntil);
    }

    public StoredTask withSandbox(String id) {
        return new StoredTask(task, definition, id, network, credentialsToken, agentContainers, revision, protectedUntil);
    }

    /** The task as its next write stores it. */
    StoredTask nextRevision() {
        return new StoredTask(task, definition, sandboxId, network, credentialsToken, agentContainers, revision + 1,
                protectedUntil);
    }

    StoredTask withAgentContainers(List<AgentContainer> changed) {
        return new StoredTask(task, definition, sandboxId, network, credentialsToken, changed, revision, protectedUntil);
    }

    /** The task protected from scale-in until {@code until}, or no longer protected when it is null. */
    StoredTask withProtection(Instant until) {
        return new StoredTask(task, definition, sandboxId, network, credentialsToken, agentContainers, revision, until);
    }

    /** Whether scale-in must leave the task alone at {@code now}. */
    public boolean protectedAt(Instant now) {
        return protectedUntil != null && now.isBefore(protectedUntil);
    }

    public Optional<AgentContainer> agentContainer(String name) {
        return agentContainers.stream().filter(c -> c.name().equals(name)).findFirst();
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
