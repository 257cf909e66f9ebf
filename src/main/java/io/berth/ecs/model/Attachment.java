package io.berth.ecs.model;

import java.util.List;

public record Attachment(String id, String type, String status, List<KeyValuePair> details) {
}
