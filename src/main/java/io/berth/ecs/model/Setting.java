package io.berth.ecs.model;


public record Setting(String name, String value, String principalArn, String type) {
}
