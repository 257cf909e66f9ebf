package io.berth.ecs.model;

import java.util.List;

public record DeleteTaskDefinitionsRequest(List<String> taskDefinitions) {
}
