package io.berth.ecs.model;

import java.util.List;

public record GetTaskProtectionRequest(String cluster, List<String> tasks) {
}
