package io.berth.ecs.model;

import java.util.List;

public record TasksResponse(List<Task> tasks, List<Failure> failures) {
}
