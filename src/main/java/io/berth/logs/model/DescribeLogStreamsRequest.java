package io.berth.logs.model;

public record DescribeLogStreamsRequest(String logGroupName, String logGroupIdentifier, String logStreamNamePrefix,
                                        String orderBy, Boolean descending, String nextToken, Integer limit) {
}
