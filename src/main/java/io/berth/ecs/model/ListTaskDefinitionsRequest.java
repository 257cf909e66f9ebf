package io.berth.ecs.model;


public record ListTaskDefinitionsRequest(String familyPrefix, String status, String sort, String nextToken, Integer maxResults) {
}
