package io.berth.ecs.model;

import java.util.List;

public record RunTaskRequest(List<CapacityProviderStrategyItem> capacityProviderStrategy, String cluster, Integer count, Boolean enableECSManagedTags, Boolean enableExecuteCommand, String group, String launchType, NetworkConfiguration networkConfiguration, TaskOverride overrides, List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy, String platformVersion, String propagateTags, String referenceId, String startedBy, List<Tag> tags, String taskDefinition, String clientToken) {
}
