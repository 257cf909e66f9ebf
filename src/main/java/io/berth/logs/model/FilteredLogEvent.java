package io.berth.logs.model;

public record FilteredLogEvent(String logStreamName, long timestamp, String message, long ingestionTime,
                               String eventId) {
}
