package io.berth.ecs.model;


public record EnvironmentFile(String value, String type) {
}
