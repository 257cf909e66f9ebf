package io.berth.ecs.model;


public record TaskEphemeralStorage(Integer sizeInGiB, String kmsKeyId) {
}
