package io.berth.ecs.model;

import java.util.List;


public record ListContainerInstancesResponse(List<String> containerInstanceArns, String nextToken) {
}
