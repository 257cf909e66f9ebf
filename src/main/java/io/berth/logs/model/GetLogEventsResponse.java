package io.berth.logs.model;

import java.util.List;

public record GetLogEventsResponse(List<OutputLogEvent> events, String nextForwardToken,
                                   String nextBackwardToken) {
}
