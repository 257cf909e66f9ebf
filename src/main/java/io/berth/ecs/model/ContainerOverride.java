package io.berth.ecs.model;

import java.util.List;

public record ContainerOverride(String name, List<String> command, List<KeyValuePair> environment, List<EnvironmentFile> environmentFiles, Integer cpu, Integer memory, Integer memoryReservation, List<ResourceRequirement> resourceRequirements) {
}
