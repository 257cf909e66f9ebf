package io.berth.ecs.model;


public record ListContainerInstancesRequest(String cluster, String filter, String nextToken, Integer maxResults, String status) {
}
