package io.berth.ecs.model;

import java.util.List;

public record UpdateClusterRequest(String cluster, List<ClusterSetting> settings, ClusterConfiguration configuration, ClusterServiceConnectDefaults serviceConnectDefaults) {
}
