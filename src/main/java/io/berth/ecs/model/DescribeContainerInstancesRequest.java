package io.berth.ecs.model;

import java.util.List;


public record DescribeContainerInstancesRequest(String cluster, List<String> containerInstances, List<String> include) {
}
