package io.berth.logs.model;

import java.util.List;

public record DescribeLogGroupsResponse(List<LogGroup> logGroups, String nextToken) {
}
