package io.berth.ecs.model;


public record Attribute(String name, String value, String targetType, String targetId) {
}
