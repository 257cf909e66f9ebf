package io.berth.runtime;

import java.util.Map;

/**
 * A task's sandbox.
 *
 * @param taskId      names the sandbox and its resource envelope
 * @param cpuUnits    the task's CPU, 1024 units per vCPU: a hard quota for all its containers
 * @param memoryMiB   the task's memory: a hard limit for all its containers together
 */
public record SandboxSpec(String taskId, int cpuUnits, int memoryMiB, Map<String, String> labels) {
}
