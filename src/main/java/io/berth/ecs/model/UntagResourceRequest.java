package io.berth.ecs.model;

import java.util.List;

public record UntagResourceRequest(String resourceArn, List<String> tagKeys) {
}
