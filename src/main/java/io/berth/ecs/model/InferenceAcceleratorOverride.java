package io.berth.ecs.model;


public record InferenceAcceleratorOverride(String deviceName, String deviceType) {
}
