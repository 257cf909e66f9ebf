package io.berth.logs.model;

import java.util.Map;

public record ListTagsForResourceResponse(Map<String, String> tags) {
}
