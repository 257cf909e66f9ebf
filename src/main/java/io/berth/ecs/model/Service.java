package io.berth.ecs.model;

import java.time.Instant;
import java.util.List;

public record Service(String serviceArn, String serviceName, String clusterArn, List<LoadBalancer> loadBalancers, String status, Integer desiredCount, Integer runningCount, Integer pendingCount, String launchType, List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion, String platformFamily, String taskDefinition, DeploymentConfiguration deploymentConfiguration, List<Deployment> deployments, String roleArn, List<ServiceEvent> events, Instant createdAt, List<PlacementConstraint> placementConstraints, List<PlacementStrategy> placementStrategy, NetworkConfiguration networkConfiguration, Integer healthCheckGracePeriodSeconds, String schedulingStrategy, DeploymentController deploymentController, List<Tag> tags, String createdBy, Boolean enableECSManagedTags, String propagateTags, Boolean enableExecuteCommand) {
}
