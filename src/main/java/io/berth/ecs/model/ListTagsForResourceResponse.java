package io.berth.ecs.model;

import java.util.List;

public record ListTagsForResourceResponse(List<Tag> tags) {
}
