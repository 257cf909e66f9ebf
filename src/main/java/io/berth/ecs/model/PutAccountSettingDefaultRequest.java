package io.berth.ecs.model;


public record PutAccountSettingDefaultRequest(String name, String value) {
}
