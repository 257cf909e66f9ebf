package io.berth.ecs.model;


public record FSxWindowsFileServerVolumeConfiguration(String fileSystemId, String rootDirectory, FSxWindowsFileServerAuthorizationConfig authorizationConfig) {
}
