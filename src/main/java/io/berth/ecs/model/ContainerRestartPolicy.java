package io.berth.ecs.model;

import java.util.List;

public record ContainerRestartPolicy(Boolean enabled, List<Integer> ignoredExitCodes, Integer restartAttemptPeriod) {
}
