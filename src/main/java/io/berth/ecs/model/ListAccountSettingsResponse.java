package io.berth.ecs.model;

import java.util.List;


public record ListAccountSettingsResponse(List<Setting> settings, String nextToken) {
}
