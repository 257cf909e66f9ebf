package io.berth.ecs;

import java.util.UUID;

/** Makes the 32-hex-character ids of tasks and containers; injected so tests can fix them. */
@FunctionalInterface
public interface IdGenerator {

    String next();

    static IdGenerator random() {
        return () -> UUID.randomUUID().toString().replace("-", "");
    }
}
