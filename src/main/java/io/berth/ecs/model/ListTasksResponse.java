package io.berth.ecs.model;

import java.util.List;

public record ListTasksResponse(List<String> taskArns, String nextToken) {
}
