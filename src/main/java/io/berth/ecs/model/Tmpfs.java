package io.berth.ecs.model;

import java.util.List;

public record Tmpfs(String containerPath, Integer size, List<String> mountOptions) {
}
