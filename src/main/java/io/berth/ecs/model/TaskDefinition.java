package io.berth.ecs.model;

import java.util.List;
import java.time.Instant;

public record TaskDefinition(String taskDefinitionArn, List<ContainerDefinition> containerDefinitions, String family, String taskRoleArn, String executionRoleArn, String networkMode, Integer revision, List<Volume> volumes, String status, List<Attribute> requiresAttributes, List<TaskDefinitionPlacementConstraint> placementConstraints, List<String> compatibilities, RuntimePlatform runtimePlatform, List<String> requiresCompatibilities, String cpu, String memory, List<InferenceAccelerator> inferenceAccelerators, String pidMode, String ipcMode, ProxyConfiguration proxyConfiguration, Instant registeredAt, Instant deregisteredAt, Instant deleteRequestedAt, String registeredBy, EphemeralStorage ephemeralStorage, Boolean enableFaultInjection) {
}
