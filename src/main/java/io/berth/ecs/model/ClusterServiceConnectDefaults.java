package io.berth.ecs.model;


public record ClusterServiceConnectDefaults(String namespace) {
}
