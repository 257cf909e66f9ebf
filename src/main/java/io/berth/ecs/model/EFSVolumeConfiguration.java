package io.berth.ecs.model;


public record EFSVolumeConfiguration(String fileSystemId, String rootDirectory, String transitEncryption, Integer transitEncryptionPort, EFSAuthorizationConfig authorizationConfig) {
}
