package io.berth.ecs.model;


public record UpdateCapacityProviderRequest(String name, String cluster, AutoScalingGroupProviderUpdate autoScalingGroupProvider, ManagedInstancesProviderConfiguration managedInstancesProvider) {
}
