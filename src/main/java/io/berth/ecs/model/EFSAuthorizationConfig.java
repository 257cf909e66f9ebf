package io.berth.ecs.model;


public record EFSAuthorizationConfig(String accessPointId, String iam) {
}
