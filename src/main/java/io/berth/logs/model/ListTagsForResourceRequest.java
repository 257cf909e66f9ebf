package io.berth.logs.model;

public record ListTagsForResourceRequest(String resourceArn) {
}
