package io.berth.ecs.model;


public record RuntimePlatform(String cpuArchitecture, String operatingSystemFamily) {
}
