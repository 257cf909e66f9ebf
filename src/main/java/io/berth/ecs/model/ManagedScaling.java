package io.berth.ecs.model;


public record ManagedScaling(String status, Integer targetCapacity, Integer minimumScalingStepSize, Integer maximumScalingStepSize, Integer instanceWarmupPeriod) {
}
