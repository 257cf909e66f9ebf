package io.berth.ecs.model;


public record ManagedInstancesProviderConfiguration(String infrastructureRoleArn, String propagateTags) {
}
