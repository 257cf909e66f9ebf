package io.berth.ecs.model;

import java.util.List;

public record DescribeClustersRequest(List<String> clusters, List<String> include) {
}
