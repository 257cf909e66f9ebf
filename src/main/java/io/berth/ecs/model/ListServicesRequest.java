package io.berth.ecs.model;

public record ListServicesRequest(String cluster, String nextToken, Integer maxResults, String launchType, String schedulingStrategy) {
}
