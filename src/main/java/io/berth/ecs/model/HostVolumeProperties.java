package io.berth.ecs.model;


public record HostVolumeProperties(String sourcePath) {
}
