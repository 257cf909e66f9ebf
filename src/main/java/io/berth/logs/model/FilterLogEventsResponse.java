package io.berth.logs.model;

import java.util.List;

/** searchedLogStreams is left out: AWS has not filled it since 2020. */
public record FilterLogEventsResponse(List<FilteredLogEvent> events, String nextToken) {
}
