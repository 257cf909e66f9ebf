package io.berth.ecs.model;

import java.util.List;

public record CreateClusterRequest(String clusterName, List<Tag> tags, List<ClusterSetting> settings, ClusterConfiguration configuration, List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy, ClusterServiceConnectDefaults serviceConnectDefaults) {
}
