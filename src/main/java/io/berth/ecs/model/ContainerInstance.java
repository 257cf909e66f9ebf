package io.berth.ecs.model;


public record ContainerInstance(String containerInstanceArn, String ec2InstanceId, String capacityProviderName, String status, Integer runningTasksCount, Integer pendingTasksCount) {
}
