package io.berth.ecs.model;


public record ClusterSetting(String name, String value) {
}
