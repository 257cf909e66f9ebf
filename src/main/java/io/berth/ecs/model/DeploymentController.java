package io.berth.ecs.model;

public record DeploymentController(String type) {
}
