package io.berth.ecs.model;

import java.util.List;

public record DescribeTasksRequest(String cluster, List<String> tasks, List<String> include) {
}
