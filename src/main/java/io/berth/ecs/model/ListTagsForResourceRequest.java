package io.berth.ecs.model;


public record ListTagsForResourceRequest(String resourceArn) {
}
