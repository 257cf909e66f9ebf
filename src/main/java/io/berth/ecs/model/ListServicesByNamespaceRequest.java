package io.berth.ecs.model;

public record ListServicesByNamespaceRequest(String namespace, String nextToken, Integer maxResults) {
}
