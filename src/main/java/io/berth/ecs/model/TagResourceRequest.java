package io.berth.ecs.model;

import java.util.List;

public record TagResourceRequest(String resourceArn, List<Tag> tags) {
}
