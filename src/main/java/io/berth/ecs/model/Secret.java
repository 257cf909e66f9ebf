package io.berth.ecs.model;


public record Secret(String name, String valueFrom) {
}
