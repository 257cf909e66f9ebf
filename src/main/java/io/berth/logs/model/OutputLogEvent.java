package io.berth.logs.model;

public record OutputLogEvent(long timestamp, String message, long ingestionTime) {
}
