package io.berth.logs.model;

import java.util.Map;

public record ListTagsLogGroupResponse(Map<String, String> tags) {
}
