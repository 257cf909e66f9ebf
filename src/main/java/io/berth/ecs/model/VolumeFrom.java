package io.berth.ecs.model;


public record VolumeFrom(String sourceContainer, Boolean readOnly) {
}
