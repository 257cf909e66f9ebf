package io.berth.ecs.model;

import java.util.List;


public record DescribeContainerInstancesResponse(List<ContainerInstance> containerInstances, List<Failure> failures) {
}
