package io.berth.ecs.model;

import java.util.Map;

public record FirelensConfiguration(String type, Map<String, String> options) {
}
