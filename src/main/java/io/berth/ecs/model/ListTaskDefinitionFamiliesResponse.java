package io.berth.ecs.model;

import java.util.List;

public record ListTaskDefinitionFamiliesResponse(List<String> families, String nextToken) {
}
