package io.berth.ecs.model;


public record ExecuteCommandConfiguration(String kmsKeyId, String logging, ExecuteCommandLogConfiguration logConfiguration) {
}
