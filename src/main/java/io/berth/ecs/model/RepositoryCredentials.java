package io.berth.ecs.model;


public record RepositoryCredentials(String credentialsParameter) {
}
