package io.berth.ecs.model;

import java.util.List;

public record UpdateClusterSettingsRequest(String cluster, List<ClusterSetting> settings) {
}
