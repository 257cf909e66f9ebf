package io.berth.ecs.model;


public record MountPoint(String sourceVolume, String containerPath, Boolean readOnly) {
}
