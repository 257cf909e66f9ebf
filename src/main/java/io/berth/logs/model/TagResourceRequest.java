package io.berth.logs.model;

import java.util.Map;

public record TagResourceRequest(String resourceArn, Map<String, String> tags) {
}
