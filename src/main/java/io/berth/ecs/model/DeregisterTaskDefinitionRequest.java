package io.berth.ecs.model;


public record DeregisterTaskDefinitionRequest(String taskDefinition) {
}
