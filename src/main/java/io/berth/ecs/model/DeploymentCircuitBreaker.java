package io.berth.ecs.model;

public record DeploymentCircuitBreaker(Boolean enable, Boolean rollback) {
}
