package io.berth.ecs.model;

import java.util.List;

public record Container(String containerArn, String taskArn, String name, String image, String imageDigest, String runtimeId, String lastStatus, Integer exitCode, String reason, List<NetworkBinding> networkBindings, List<NetworkInterface> networkInterfaces, String healthStatus, List<ManagedAgent> managedAgents, String cpu, String memory, String memoryReservation, List<String> gpuIds) {
}
