package io.berth.ecs.model;


public record ListAccountSettingsRequest(String name, String value, String principalArn, Boolean effectiveSettings, String nextToken, Integer maxResults) {
}
