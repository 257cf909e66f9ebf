package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.EphemeralStorage;
import io.berth.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.List;

/** Copies of a task definition with the parts a launch may change replaced. */
final class TaskDefinitionCopies {

    private TaskDefinitionCopies() {
    }

    static TaskDefinition withStatus(TaskDefinition t, String status, Instant deregisteredAt, Instant deleteRequestedAt) {
        return new TaskDefinition(t.taskDefinitionArn(), t.containerDefinitions(), t.family(), t.taskRoleArn(),
                t.executionRoleArn(), t.networkMode(), t.revision(), t.volumes(), status, t.requiresAttributes(),
                t.placementConstraints(), t.compatibilities(), t.runtimePlatform(), t.requiresCompatibilities(),
                t.cpu(), t.memory(), t.inferenceAccelerators(), t.pidMode(), t.ipcMode(), t.proxyConfiguration(),
                t.registeredAt(), deregisteredAt, deleteRequestedAt, t.registeredBy(), t.ephemeralStorage(),
                t.enableFaultInjection());
    }

    static TaskDefinition with(TaskDefinition t, List<ContainerDefinition> containers, String cpu, String memory,
                               String taskRoleArn, String executionRoleArn, EphemeralStorage ephemeralStorage) {
        return new TaskDefinition(t.taskDefinitionArn(), containers, t.family(), taskRoleArn, executionRoleArn,
                t.networkMode(), t.revision(), t.volumes(), t.status(), t.requiresAttributes(), t.placementConstraints(),
                t.compatibilities(), t.runtimePlatform(), t.requiresCompatibilities(), cpu, memory,
                t.inferenceAccelerators(), t.pidMode(), t.ipcMode(), t.proxyConfiguration(), t.registeredAt(),
                t.deregisteredAt(), t.deleteRequestedAt(), t.registeredBy(), ephemeralStorage, t.enableFaultInjection());
    }
}
