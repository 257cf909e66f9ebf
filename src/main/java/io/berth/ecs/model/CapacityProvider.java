package io.berth.ecs.model;

import java.util.List;


public record CapacityProvider(String capacityProviderArn, String name, String cluster, String status, AutoScalingGroupProvider autoScalingGroupProvider, String updateStatus, String updateStatusReason, List<Tag> tags, String type) {
}
