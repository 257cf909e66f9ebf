package io.berth.ecs.model;


public record ExecuteCommandLogConfiguration(String cloudWatchLogGroupName, Boolean cloudWatchEncryptionEnabled, String s3BucketName, Boolean s3EncryptionEnabled, String s3KeyPrefix) {
}
