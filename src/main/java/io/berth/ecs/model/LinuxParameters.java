package io.berth.ecs.model;

import java.util.List;

public record LinuxParameters(KernelCapabilities capabilities, List<Device> devices, Boolean initProcessEnabled, Integer sharedMemorySize, List<Tmpfs> tmpfs, Integer maxSwap, Integer swappiness) {
}
