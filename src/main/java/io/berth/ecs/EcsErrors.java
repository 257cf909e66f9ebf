package io.berth.ecs;

import io.berth.edge.AwsException;

/** The ECS error codes, all HTTP 400 as ECS answers them. */
final class EcsErrors {

    private EcsErrors() {
    }

    static AwsException client(String message) {
        return new AwsException("ClientException", 400, message);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException("InvalidParameterException", 400, message);
    }

    static AwsException clusterNotFound() {
        return new AwsException("ClusterNotFoundException", 400, "Cluster not found.");
    }

    static AwsException resourceNotFound(String message) {
        return new AwsException("ResourceNotFoundException", 400, message);
    }
}
