package io.berth.ecs.model;


public record ListClustersRequest(String nextToken, Integer maxResults) {
}
