package io.berth.logs.model;

import java.util.List;

/** interleaved is ignored (always true, as AWS does); unmask has nothing to unmask. */
public record FilterLogEventsRequest(String logGroupName, String logGroupIdentifier, List<String> logStreamNames,
                                     String logStreamNamePrefix, Long startTime, Long endTime, String filterPattern,
                                     String nextToken, Integer limit, Boolean interleaved, Boolean unmask) {
}
