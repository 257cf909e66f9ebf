package io.berth.logs.model;

public record ListTagsLogGroupRequest(String logGroupName) {
}
