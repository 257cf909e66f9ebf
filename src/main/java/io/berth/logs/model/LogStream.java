package io.berth.logs.model;

public record LogStream(String logStreamName, Long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
                        Long lastIngestionTime, String uploadSequenceToken, String arn, Long storedBytes) {
}
