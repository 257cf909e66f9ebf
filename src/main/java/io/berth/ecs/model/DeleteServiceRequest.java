package io.berth.ecs.model;

public record DeleteServiceRequest(String cluster, String service, Boolean force) {
}
