package io.berth.ecs.model;


public record Empty() {
}
