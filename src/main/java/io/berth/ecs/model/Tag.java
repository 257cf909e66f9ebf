package io.berth.ecs.model;


public record Tag(String key, String value) {
}
