package io.berth.ecs.model;


public record StopTaskRequest(String cluster, String task, String reason) {
}
