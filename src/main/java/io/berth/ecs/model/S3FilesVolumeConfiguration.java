package io.berth.ecs.model;

public record S3FilesVolumeConfiguration(String fileSystemArn, String rootDirectory, Integer transitEncryptionPort, String accessPointArn) {
}
