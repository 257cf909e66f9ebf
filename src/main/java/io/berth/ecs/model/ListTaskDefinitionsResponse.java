package io.berth.ecs.model;

import java.util.List;

public record ListTaskDefinitionsResponse(List<String> taskDefinitionArns, String nextToken) {
}
