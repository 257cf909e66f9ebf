package io.berth.ecs.model;


public record Ulimit(String name, Integer softLimit, Integer hardLimit) {
}
