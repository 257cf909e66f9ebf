package io.berth.ecs.model;

public record ServiceResponse(Service service) {
}
