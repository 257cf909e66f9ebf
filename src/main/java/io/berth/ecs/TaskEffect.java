package io.berth.ecs;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the task's controller must make the runtime do next. Results are not passed back: the
 * next observation (by labels) shows them, which keeps the lifecycle level-driven.
 */
public sealed interface TaskEffect {

    /** Nothing to do until the runtime reports a change. */
    record Wait() implements TaskEffect {
    }

    record StartSandbox() implements TaskEffect {
    }

    /**
     * Give the task its interface: take its address (or the one it already has), wire it into the
     * sandbox's network namespace and enforce its security groups there.
     */
    record AttachNetwork(String sandboxId) implements TaskEffect {
    }

    /** Return the task's address and remove what its interface left on the host. */
    record ReleaseNetwork() implements TaskEffect {
    }

    /** Pull the images (when absent) and create these containers in the sandbox. */
    record CreateContainers(List<String> names) implements TaskEffect {
    }

    record StartContainers(List<String> names) implements TaskEffect {
    }

    /** SIGTERM each container, SIGKILL after its grace period. */
    record StopContainers(Map<String, Duration> graceByName) implements TaskEffect {
    }

    /** Stop and remove the sandbox; the containers stay, for inspection, until the task is pruned. */
    record RemoveSandbox(String sandboxId) implements TaskEffect {
    }

    /** Remove everything left in the runtime and forget the task. */
    record Prune() implements TaskEffect {
    }
}
