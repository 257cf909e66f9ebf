package io.berth.ecs;

import io.berth.runtime.ContainerStatus;

import java.util.Map;
import java.util.Optional;

/**
 * What the runtime really has for one task, found by labels: its sandbox and its containers by
 * container name.
 */
public record Observation(Optional<ContainerStatus> sandbox, Map<String, ContainerStatus> containers) {
}
