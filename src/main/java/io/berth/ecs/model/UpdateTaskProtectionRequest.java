package io.berth.ecs.model;

import java.util.List;

public record UpdateTaskProtectionRequest(String cluster, List<String> tasks, Boolean protectionEnabled,
                                          Integer expiresInMinutes) {
}
