package io.berth.ecs.model;


public record CapacityProviderStrategyItem(String capacityProvider, Integer weight, Integer base) {
}
