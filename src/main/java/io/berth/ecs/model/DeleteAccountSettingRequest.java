package io.berth.ecs.model;


public record DeleteAccountSettingRequest(String name, String principalArn) {
}
