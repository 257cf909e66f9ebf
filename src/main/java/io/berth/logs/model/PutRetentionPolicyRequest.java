package io.berth.logs.model;

public record PutRetentionPolicyRequest(String logGroupName, Integer retentionInDays) {
}
