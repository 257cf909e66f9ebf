package io.berth.ecs.model;


public record InferenceAccelerator(String deviceName, String deviceType) {
}
