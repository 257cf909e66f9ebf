package io.berth.ecs.model;

import java.util.List;
import java.time.Instant;

public record Task(List<Attachment> attachments, List<Attribute> attributes, String availabilityZone, String capacityProviderName, String clusterArn, String connectivity, Instant connectivityAt, String containerInstanceArn, List<Container> containers, String cpu, Instant createdAt, String desiredStatus, Boolean enableExecuteCommand, Instant executionStoppedAt, String group, String healthStatus, List<InferenceAccelerator> inferenceAccelerators, String lastStatus, String launchType, String memory, TaskOverride overrides, String platformVersion, String platformFamily, Instant pullStartedAt, Instant pullStoppedAt, Instant startedAt, String startedBy, String stopCode, Instant stoppedAt, String stoppedReason, Instant stoppingAt, List<Tag> tags, String taskArn, String taskDefinitionArn, Long version, EphemeralStorage ephemeralStorage, TaskEphemeralStorage fargateEphemeralStorage) {
}
