package io.berth.logs.model;

import java.util.Map;

/** Accepted on PutLogEvents and not used: Berth keeps no entity telemetry. */
public record Entity(Map<String, String> keyAttributes, Map<String, String> attributes) {
}
