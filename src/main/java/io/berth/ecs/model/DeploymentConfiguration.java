package io.berth.ecs.model;

public record DeploymentConfiguration(DeploymentCircuitBreaker deploymentCircuitBreaker, Integer maximumPercent, Integer minimumHealthyPercent) {
}
