package io.berth.ecs.model;

import java.util.List;

public record ListClustersResponse(List<String> clusterArns, String nextToken) {
}
