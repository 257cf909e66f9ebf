package io.berth.ecs.model;


public record Failure(String arn, String reason, String detail) {
}
