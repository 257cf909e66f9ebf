package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.RegisterTaskDefinitionRequest;
import io.berth.ecs.model.Volume;

import java.util.List;
import java.util.Optional;

/**
 * A RegisterTaskDefinition request together with the task-level values the rules keep asking for:
 * the network mode in effect (ECS defaults to bridge) and the task size in units, already parsed.
 */
record TaskDefinitionDraft(RegisterTaskDefinitionRequest request, String networkMode, Integer cpu, Integer memory) {

    static final String AWSVPC = "awsvpc";
    static final String BRIDGE = "bridge";
    static final String HOST = "host";
    static final String NONE = "none";

    List<ContainerDefinition> containers() {
        return request.containerDefinitions();
    }

    List<Volume> volumes() {
        return orEmpty(request.volumes());
    }

    boolean requires(String compatibility) {
        return orEmpty(request.requiresCompatibilities()).contains(compatibility);
    }

    boolean awsvpc() {
        return AWSVPC.equals(networkMode);
    }

    boolean windows() {
        return request.runtimePlatform() != null && request.runtimePlatform().operatingSystemFamily() != null
                && request.runtimePlatform().operatingSystemFamily().startsWith("WINDOWS");
    }

    boolean hasExecutionRole() {
        return request.executionRoleArn() != null && !request.executionRoleArn().isBlank();
    }

    Optional<ContainerDefinition> container(String name) {
        return containers().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static boolean essential(ContainerDefinition container) {
        return !Boolean.FALSE.equals(container.essential());
    }
}
