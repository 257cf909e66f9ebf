package io.berth.logs.model;

import java.util.Map;

public record TagLogGroupRequest(String logGroupName, Map<String, String> tags) {
}
