package io.berth.logs.model;

public record PutLogGroupDeletionProtectionRequest(String logGroupIdentifier, Boolean deletionProtectionEnabled) {
}
