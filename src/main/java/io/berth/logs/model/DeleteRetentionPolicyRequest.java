package io.berth.logs.model;

public record DeleteRetentionPolicyRequest(String logGroupName) {
}
