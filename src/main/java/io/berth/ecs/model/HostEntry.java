package io.berth.ecs.model;


public record HostEntry(String hostname, String ipAddress) {
}
