package io.berth.ecs.model;

import java.util.List;

public record RegisterTaskDefinitionRequest(String family, String taskRoleArn, String executionRoleArn, String networkMode, List<ContainerDefinition> containerDefinitions, List<Volume> volumes, List<TaskDefinitionPlacementConstraint> placementConstraints, List<String> requiresCompatibilities, String cpu, String memory, List<Tag> tags, String pidMode, String ipcMode, ProxyConfiguration proxyConfiguration, List<InferenceAccelerator> inferenceAccelerators, EphemeralStorage ephemeralStorage, RuntimePlatform runtimePlatform, Boolean enableFaultInjection) {
}
