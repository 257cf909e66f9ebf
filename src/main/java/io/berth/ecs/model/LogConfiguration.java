package io.berth.ecs.model;

import java.util.List;
import java.util.Map;

public record LogConfiguration(String logDriver, Map<String, String> options, List<Secret> secretOptions) {
}
