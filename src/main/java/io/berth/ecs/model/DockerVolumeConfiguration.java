package io.berth.ecs.model;

import java.util.Map;

public record DockerVolumeConfiguration(String scope, Boolean autoprovision, String driver, Map<String, String> driverOpts, Map<String, String> labels) {
}
