package io.berth.ecs.model;


public record SettingResponse(Setting setting) {
}
