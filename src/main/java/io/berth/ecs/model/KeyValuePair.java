package io.berth.ecs.model;


public record KeyValuePair(String name, String value) {
}
