package io.berth.ecs.model;

import java.util.List;

public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries, Integer startPeriod) {
}
