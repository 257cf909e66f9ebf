package io.berth.ecs;

import java.time.Instant;

/**
 * What the ECS agent keeps about one container of a task beyond what ECS reports: the secret id
 * its metadata endpoint answers to (in the container's ECS_CONTAINER_METADATA_URI_V4), and when
 * the runtime created, started and finished it, as the agent shows them in the task metadata.
 */
public record AgentContainer(String name, String endpointId, Instant createdAt, Instant startedAt,
                             Instant finishedAt) {

    static AgentContainer launched(String name, String endpointId) {
        return new AgentContainer(name, endpointId, null, null, null);
    }

    /** Times only move from unknown to known; the runtime's own times are taken when it gives them. */
    AgentContainer observed(Instant created, Instant started, Instant finished) {
        return new AgentContainer(name, endpointId, createdAt != null ? createdAt : created,
                startedAt != null ? startedAt : started, finishedAt != null ? finishedAt : finished);
    }
}
