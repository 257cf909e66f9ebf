package io.berth.ecs;

import io.berth.store.EmbeddedJson;
import io.berth.store.StoredDocument;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service as the store keeps it (kind {@code ecs.service}); {@link ServiceRepository} maps it from
 * and to the {@link StoredService} the service and its scheduler work with. Members are named as in
 * AWS's Service where it has them. The capacity provider strategies, which the user sent and Berth
 * gives back, are kept whole in AWS's JSON (API 2014-11-13); the rest is Berth's own: the
 * deployments with what their tasks launch with, the events, and what the scheduler remembers.
 */
record ServiceDocument(int schema, String serviceArn, String serviceName, String clusterArn, String status,
                       int desiredCount, int minimumHealthyPercent, int maximumPercent, Boolean circuitBreakerEnable,
                       Boolean circuitBreakerRollback, Integer healthCheckGracePeriodSeconds,
                       String schedulingStrategy, String propagateTags, boolean enableECSManagedTags,
                       boolean enableExecuteCommand, List<TagDocument> tags, Instant createdAt, String createdBy,
                       List<Deployment> deployments, List<Event> events, Memory memory, String clientToken,
                       long revision) implements StoredDocument {

    static final int SCHEMA = 1;

    ServiceDocument {
        schema = schema == 0 ? 1 : schema;
    }

    /** A deployment: its rollout and what its tasks are launched with. */
    record Deployment(String id, String status, String taskDefinitionArn, String rolloutState,
                      String rolloutStateReason, int failedTasks, Instant createdAt, Instant updatedAt,
                      Network network, String launchType, EmbeddedJson capacityProviderStrategy,
                      String platformVersion) {
    }

    /** An awsvpc configuration with its subnets' zones. */
    record Network(List<Subnet> subnets, List<String> securityGroups, String assignPublicIp) {
    }

    record Subnet(String subnetId, String availabilityZone) {
    }

    record Event(String id, Instant createdAt, String message) {
    }

    /**
     * The scheduler's memory: the stops already counted, the primary deployment's launch throttle
     * (none when {@code throttleDeploymentId} is null), and when each condition's event was written.
     */
    record Memory(List<String> countedStops, String throttleDeploymentId, int consecutiveStartFailures,
                  Instant nextAttemptAt, Map<String, Instant> notices) {
    }
}
