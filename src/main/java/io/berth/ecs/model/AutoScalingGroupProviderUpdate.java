package io.berth.ecs.model;


public record AutoScalingGroupProviderUpdate(ManagedScaling managedScaling, String managedTerminationProtection, String managedDraining) {
}
