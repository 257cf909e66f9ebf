package io.berth.ecs.model;


public record ManagedStorageConfiguration(String kmsKeyId, String fargateEphemeralStorageKmsKeyId) {
}
