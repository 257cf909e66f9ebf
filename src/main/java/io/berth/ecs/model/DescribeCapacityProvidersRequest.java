package io.berth.ecs.model;

import java.util.List;


public record DescribeCapacityProvidersRequest(List<String> capacityProviders, String cluster, List<String> include, Integer maxResults, String nextToken) {
}
