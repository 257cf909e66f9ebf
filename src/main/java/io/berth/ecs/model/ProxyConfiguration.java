package io.berth.ecs.model;

import java.util.List;

public record ProxyConfiguration(String type, String containerName, List<KeyValuePair> properties) {
}
