package io.berth.ecs.model;


public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String name, String appProtocol, String containerPortRange) {
}
