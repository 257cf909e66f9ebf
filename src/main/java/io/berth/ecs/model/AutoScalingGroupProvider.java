package io.berth.ecs.model;


public record AutoScalingGroupProvider(String autoScalingGroupArn, ManagedScaling managedScaling, String managedTerminationProtection, String managedDraining) {
}
