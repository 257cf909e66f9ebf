package io.berth.ecs.model;

import java.util.List;

public record DescribeClustersResponse(List<Cluster> clusters, List<Failure> failures) {
}
