package io.berth.ecs.model;


public record TaskDefinitionPlacementConstraint(String type, String expression) {
}
