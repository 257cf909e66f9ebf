package io.berth.ecs.model;

import java.util.List;

public record Device(String hostPath, String containerPath, List<String> permissions) {
}
