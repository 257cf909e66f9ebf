package io.berth.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One task container as the runtime creates it. Null members mean "the image's default".
 *
 * @param taskId            the task whose sandbox (network namespace, resource envelope) it joins
 * @param cpuShares         relative CPU weight (ECS container {@code cpu} units)
 * @param memoryMiB         hard limit, OOM-killed above it
 * @param memoryReservationMiB soft limit
 */
public record ContainerSpec(String taskId, String sandboxId, String name, String image, List<String> entryPoint,
                            List<String> command, Map<String, String> environment, String workingDirectory,
                            String user, Integer cpuShares, Integer memoryMiB, Integer memoryReservationMiB,
                            boolean readonlyRootFilesystem, boolean initProcess, List<Ulimit> ulimits,
                            List<Mount> mounts, HealthCheck healthCheck, Map<String, String> labels) {

    public record Ulimit(String name, long soft, long hard) {
    }

    /** A directory of the host bound into the container. */
    public record Mount(String hostPath, String containerPath, boolean readOnly) {
    }

    public record HealthCheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    }
}
