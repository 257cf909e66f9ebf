package io.berth.ecs.model;

import java.util.List;

public record StartTaskRequest(String cluster, List<String> containerInstances, Boolean enableECSManagedTags, Boolean enableExecuteCommand, String group, NetworkConfiguration networkConfiguration, TaskOverride overrides, String propagateTags, String referenceId, String startedBy, List<Tag> tags, String taskDefinition) {
}
