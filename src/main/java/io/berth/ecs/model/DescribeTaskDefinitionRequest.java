package io.berth.ecs.model;

import java.util.List;

public record DescribeTaskDefinitionRequest(String taskDefinition, List<String> include) {
}
