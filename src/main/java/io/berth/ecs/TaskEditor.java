package io.berth.ecs;

import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.Attribute;
import io.berth.ecs.model.Container;
import io.berth.ecs.model.EphemeralStorage;
import io.berth.ecs.model.InferenceAccelerator;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskEphemeralStorage;
import io.berth.ecs.model.TaskOverride;

import java.time.Instant;
import java.util.List;

/** A task being changed: the record's fields, settable, then built back into a record. */
final class TaskEditor {

    List<Attachment> attachments;
    List<Attribute> attributes;
    String availabilityZone;
    String capacityProviderName;
    String clusterArn;
    String connectivity;
    Instant connectivityAt;
    String containerInstanceArn;
    List<Container> containers;
    String cpu;
    Instant createdAt;
    String desiredStatus;
    Boolean enableExecuteCommand;
    Instant executionStoppedAt;
    String group;
    String healthStatus;
    List<InferenceAccelerator> inferenceAccelerators;
    String lastStatus;
    String launchType;
    String memory;
    TaskOverride overrides;
    String platformVersion;
    String platformFamily;
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant startedAt;
    String startedBy;
    String stopCode;
    Instant stoppedAt;
    String stoppedReason;
    Instant stoppingAt;
    List<Tag> tags;
    String taskArn;
    String taskDefinitionArn;
    Long version;
    EphemeralStorage ephemeralStorage;
    TaskEphemeralStorage fargateEphemeralStorage;

    static TaskEditor of(Task source) {
        TaskEditor e = new TaskEditor();
        e.attachments = source.attachments();
        e.attributes = source.attributes();
        e.availabilityZone = source.availabilityZone();
        e.capacityProviderName = source.capacityProviderName();
        e.clusterArn = source.clusterArn();
        e.connectivity = source.connectivity();
        e.connectivityAt = source.connectivityAt();
        e.containerInstanceArn = source.containerInstanceArn();
        e.containers = source.containers();
        e.cpu = source.cpu();
        e.createdAt = source.createdAt();
        e.desiredStatus = source.desiredStatus();
        e.enableExecuteCommand = source.enableExecuteCommand();
        e.executionStoppedAt = source.executionStoppedAt();
        e.group = source.group();
        e.healthStatus = source.healthStatus();
        e.inferenceAccelerators = source.inferenceAccelerators();
        e.lastStatus = source.lastStatus();
        e.launchType = source.launchType();
        e.memory = source.memory();
        e.overrides = source.overrides();
        e.platformVersion = source.platformVersion();
        e.platformFamily = source.platformFamily();
        e.pullStartedAt = source.pullStartedAt();
        e.pullStoppedAt = source.pullStoppedAt();
        e.startedAt = source.startedAt();
        e.startedBy = source.startedBy();
        e.stopCode = source.stopCode();
        e.stoppedAt = source.stoppedAt();
        e.stoppedReason = source.stoppedReason();
        e.stoppingAt = source.stoppingAt();
        e.tags = source.tags();
        e.taskArn = source.taskArn();
        e.taskDefinitionArn = source.taskDefinitionArn();
        e.version = source.version();
        e.ephemeralStorage = source.ephemeralStorage();
        e.fargateEphemeralStorage = source.fargateEphemeralStorage();
        return e;
    }

    Task build() {
        return new Task(attachments, attributes, availabilityZone, capacityProviderName, clusterArn, connectivity, connectivityAt, containerInstanceArn, containers, cpu, createdAt, desiredStatus, enableExecuteCommand, executionStoppedAt, group, healthStatus, inferenceAccelerators, lastStatus, launchType, memory, overrides, platformVersion, platformFamily, pullStartedAt, pullStoppedAt, startedAt, startedBy, stopCode, stoppedAt, stoppedReason, stoppingAt, tags, taskArn, taskDefinitionArn, version, ephemeralStorage, fargateEphemeralStorage);
    }
}
