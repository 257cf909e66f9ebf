package io.berth.logs.model;

/** unmask has nothing to unmask: Berth has no data protection policies. */
public record GetLogEventsRequest(String logGroupName, String logGroupIdentifier, String logStreamName, Long startTime,
                                  Long endTime, String nextToken, Integer limit, Boolean startFromHead, Boolean unmask) {
}
