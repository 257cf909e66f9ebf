package io.berth.ecs.model;


public record NetworkBinding(String bindIP, Integer containerPort, Integer hostPort, String protocol, String containerPortRange, String hostPortRange) {
}
