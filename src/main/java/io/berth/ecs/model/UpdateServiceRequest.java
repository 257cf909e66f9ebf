package io.berth.ecs.model;

import java.util.List;

public record UpdateServiceRequest(String cluster, String service, Integer desiredCount, String taskDefinition, List<CapacityProviderStrategyItem> capacityProviderStrategy, DeploymentConfiguration deploymentConfiguration, NetworkConfiguration networkConfiguration, List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy, String platformVersion, Boolean forceNewDeployment, Integer healthCheckGracePeriodSeconds, Boolean enableExecuteCommand, Boolean enableECSManagedTags, List<LoadBalancer> loadBalancers, String propagateTags) {
}
