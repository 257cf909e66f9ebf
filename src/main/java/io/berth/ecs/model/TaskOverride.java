package io.berth.ecs.model;

import java.util.List;

public record TaskOverride(List<ContainerOverride> containerOverrides, String cpu, List<InferenceAcceleratorOverride> inferenceAcceleratorOverrides, String executionRoleArn, String memory, String taskRoleArn, EphemeralStorage ephemeralStorage) {
}
