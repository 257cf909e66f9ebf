package io.berth.ecs.model;

import java.util.List;

public record ListServicesResponse(List<String> serviceArns, String nextToken) {
}
