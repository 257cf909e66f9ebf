package io.berth.ecs.model;


public record SystemControl(String namespace, String value) {
}
