package io.berth.ecs.model;


public record ContainerDependency(String containerName, String condition) {
}
