package io.berth.ecs.model;


public record EphemeralStorage(Integer sizeInGiB) {
}
