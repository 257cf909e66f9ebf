package io.berth.ecs.model;

public record LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, Integer containerPort) {
}
