package io.berth.ecs.model;


public record ClusterResponse(Cluster cluster) {
}
