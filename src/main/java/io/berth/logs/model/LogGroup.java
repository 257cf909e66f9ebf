package io.berth.logs.model;

/**
 * A log group as DescribeLogGroups shows it. dataProtectionStatus, inheritedProperties and
 * bearerTokenAuthenticationEnabled are left out: Berth has none of those features.
 */
public record LogGroup(String logGroupName, Long creationTime, Integer retentionInDays, Integer metricFilterCount,
                       String arn, Long storedBytes, String kmsKeyId, String logGroupClass, String logGroupArn,
                       Boolean deletionProtectionEnabled) {
}
