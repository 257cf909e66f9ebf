package io.berth.ecs.model;


public record TaskResponse(Task task) {
}
