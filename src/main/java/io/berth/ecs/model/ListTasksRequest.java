package io.berth.ecs.model;


public record ListTasksRequest(String cluster, String containerInstance, String family, String nextToken, Integer maxResults, String startedBy, String serviceName, String desiredStatus, String launchType, String daemonName) {
}
