package io.berth.ecs.model;


public record ResourceRequirement(String value, String type) {
}
