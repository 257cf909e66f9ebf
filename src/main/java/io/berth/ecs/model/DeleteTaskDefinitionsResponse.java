package io.berth.ecs.model;

import java.util.List;

public record DeleteTaskDefinitionsResponse(List<TaskDefinition> taskDefinitions, List<Failure> failures) {
}
