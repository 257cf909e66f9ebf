package io.berth.logs.model;

import java.util.List;

/** sequenceToken is accepted and ignored, as AWS has done since 2023. */
public record PutLogEventsRequest(String logGroupName, String logStreamName, List<InputLogEvent> logEvents,
                                  String sequenceToken, Entity entity) {
}
