package io.berth.logs.model;

public record CreateLogStreamRequest(String logGroupName, String logStreamName) {
}
