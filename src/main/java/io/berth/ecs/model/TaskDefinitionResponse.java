package io.berth.ecs.model;

import java.util.List;

public record TaskDefinitionResponse(TaskDefinition taskDefinition, List<Tag> tags) {
}
