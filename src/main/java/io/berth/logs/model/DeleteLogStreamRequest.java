package io.berth.logs.model;

public record DeleteLogStreamRequest(String logGroupName, String logStreamName) {
}
