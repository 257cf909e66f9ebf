package io.berth.ecs.model;


public record PutAccountSettingRequest(String name, String value, String principalArn) {
}
