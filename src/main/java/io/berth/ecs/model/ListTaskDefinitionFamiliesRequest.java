package io.berth.ecs.model;


public record ListTaskDefinitionFamiliesRequest(String familyPrefix, String status, String nextToken, Integer maxResults) {
}
