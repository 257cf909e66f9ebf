package io.berth.ecs.model;

import java.time.Instant;
import java.util.List;

public record Deployment(String id, String status, String taskDefinition, Integer desiredCount, Integer pendingCount, Integer runningCount, Integer failedTasks, Instant createdAt, Instant updatedAt, List<CapacityProviderStrategyItem> capacityProviderStrategy, String launchType, String platformVersion, String platformFamily, NetworkConfiguration networkConfiguration, String rolloutState, String rolloutStateReason) {
}
