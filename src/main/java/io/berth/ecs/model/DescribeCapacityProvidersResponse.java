package io.berth.ecs.model;

import java.util.List;


public record DescribeCapacityProvidersResponse(List<CapacityProvider> capacityProviders, List<Failure> failures, String nextToken) {
}
