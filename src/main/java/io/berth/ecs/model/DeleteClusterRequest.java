package io.berth.ecs.model;


public record DeleteClusterRequest(String cluster) {
}
