package io.berth.ecs.model;

import java.time.Instant;

public record ServiceEvent(String id, Instant createdAt, String message) {
}
