package io.berth.ecs.model;

import java.util.List;

public record DescribeServicesRequest(String cluster, List<String> services, List<String> include) {
}
