package io.berth.ecs.model;

import java.util.List;

public record CreateServiceRequest(String cluster, String serviceName, String taskDefinition, List<LoadBalancer> loadBalancers, Integer desiredCount, String clientToken, String launchType, List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion, String role, DeploymentConfiguration deploymentConfiguration, List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy, NetworkConfiguration networkConfiguration, Integer healthCheckGracePeriodSeconds, String schedulingStrategy, DeploymentController deploymentController, List<Tag> tags, Boolean enableECSManagedTags, String propagateTags, Boolean enableExecuteCommand) {
}
