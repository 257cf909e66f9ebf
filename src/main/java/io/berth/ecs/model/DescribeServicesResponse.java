package io.berth.ecs.model;

import java.util.List;

public record DescribeServicesResponse(List<Service> services, List<Failure> failures) {
}
