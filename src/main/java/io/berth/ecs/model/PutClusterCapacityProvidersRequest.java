package io.berth.ecs.model;

import java.util.List;


public record PutClusterCapacityProvidersRequest(String cluster, List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy) {
}
