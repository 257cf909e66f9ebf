package io.berth.ecs.model;


public record NetworkInterface(String attachmentId, String privateIpv4Address, String ipv6Address) {
}
