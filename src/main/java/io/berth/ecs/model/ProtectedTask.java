package io.berth.ecs.model;

import java.time.Instant;

public record ProtectedTask(String taskArn, Boolean protectionEnabled, Instant expirationDate) {
}
