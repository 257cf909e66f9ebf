package io.berth.ecs.model;


public record CapacityProviderResponse(CapacityProvider capacityProvider) {
}
