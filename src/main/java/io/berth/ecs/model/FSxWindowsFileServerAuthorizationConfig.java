package io.berth.ecs.model;


public record FSxWindowsFileServerAuthorizationConfig(String credentialsParameter, String domain) {
}
