package io.berth.logs.model;

public record DeleteLogGroupRequest(String logGroupName) {
}
