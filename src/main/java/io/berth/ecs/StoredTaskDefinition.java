package io.berth.ecs;

import io.berth.ecs.model.Tag;
import io.berth.ecs.model.TaskDefinition;

import java.util.List;

/**
 * A task definition revision as the service works with it (the store keeps it as a
 * {@link TaskDefinitionDocument}): what ECS returns for it, and its tags, which ECS returns beside it.
 */
record StoredTaskDefinition(TaskDefinition taskDefinition, List<Tag> tags) {
}
