package io.berth.ecs.model;

import java.util.List;

public record KernelCapabilities(List<String> add, List<String> drop) {
}
