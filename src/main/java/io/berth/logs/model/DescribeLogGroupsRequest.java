package io.berth.logs.model;

import java.util.List;

/** accountIdentifiers and includeLinkedAccounts concern cross-account observability, which Berth has not. */
public record DescribeLogGroupsRequest(List<String> accountIdentifiers, String logGroupNamePrefix,
                                       String logGroupNamePattern, String nextToken, Integer limit,
                                       Boolean includeLinkedAccounts, String logGroupClass,
                                       List<String> logGroupIdentifiers) {
}
