package io.berth.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * What the runtime reports about a container.
 *
 * @param health "healthy", "unhealthy", "starting", or null without a health check
 */
public record ContainerStatus(String id, Map<String, String> labels, State state, Integer exitCode,
                              boolean oomKilled, Instant startedAt, Instant finishedAt, String health,
                              String error) {

    public enum State { CREATED, RUNNING, EXITED }
}
