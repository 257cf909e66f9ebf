package io.berth.ecs.model;

import java.util.List;

public record Cluster(String clusterArn, String clusterName, ClusterConfiguration configuration, String status, Integer registeredContainerInstancesCount, Integer runningTasksCount, Integer pendingTasksCount, Integer activeServicesCount, List<KeyValuePair> statistics, List<Tag> tags, List<ClusterSetting> settings, List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy, List<Attachment> attachments, String attachmentsStatus, ClusterServiceConnectDefaults serviceConnectDefaults) {
}
