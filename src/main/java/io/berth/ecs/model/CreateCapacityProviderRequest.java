package io.berth.ecs.model;

import java.util.List;


public record CreateCapacityProviderRequest(String name, String cluster, AutoScalingGroupProvider autoScalingGroupProvider, ManagedInstancesProviderConfiguration managedInstancesProvider, List<Tag> tags) {
}
