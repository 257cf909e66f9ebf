package io.berth.ecs.model;

import java.time.Instant;

public record ManagedAgent(Instant lastStartedAt, String name, String reason, String lastStatus) {
}
