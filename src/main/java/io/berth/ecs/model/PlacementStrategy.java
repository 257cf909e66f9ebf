package io.berth.ecs.model;


public record PlacementStrategy(String type, String field) {
}
