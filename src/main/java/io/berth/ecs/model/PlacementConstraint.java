package io.berth.ecs.model;


public record PlacementConstraint(String type, String expression) {
}
