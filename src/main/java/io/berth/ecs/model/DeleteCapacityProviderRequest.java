package io.berth.ecs.model;


public record DeleteCapacityProviderRequest(String capacityProvider, String cluster) {
}
