package io.berth.ecs;

import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.Attribute;
import io.berth.ecs.model.AwsVpcConfiguration;
import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.Container;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.ContainerOverride;
import io.berth.ecs.model.EphemeralStorage;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.ecs.model.TaskEphemeralStorage;
import io.berth.ecs.model.TaskOverride;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RunTask without I/O: validates a request against its task definition and cluster as ECS does,
 * and builds the PROVISIONING tasks it launches.
 */
final class TaskLaunch {

    static final String PLATFORM_VERSION = "1.4.0";
    private static final Set<String> PLATFORM_VERSIONS = Set.of("LATEST", PLATFORM_VERSION);
    private static final int DEFAULT_EPHEMERAL_GIB = 20;

    private TaskLaunch() {
    }

    /**
     * ECS's answer to a launch on EC2 capacity in a cluster without container instances, which
     * every Berth cluster is: Berth runs Fargate capacity only.
     */
    static final String NO_CONTAINER_INSTANCES = "No Container Instances were found in your cluster.";

    /** The capacity a task is launched on: Fargate with or without a named capacity provider. */
    record Placement(String launchType, String capacityProviderName) {
    }

    /**
     * The placements of {@code count} tasks: on Fargate when asked for, else by the request's
     * capacity provider strategy, else by the cluster's default one. With none of these ECS
     * launches on EC2 capacity, which Berth clusters (like any without container instances) lack.
     */
    static List<Placement> placements(RunTaskRequest request, Cluster cluster, int count) {
        if (request.launchType() != null && request.capacityProviderStrategy() != null
                && !request.capacityProviderStrategy().isEmpty()) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not "
                    + "supported. Remove one and try again.");
        }
        List<Placement> placements = new ArrayList<>();
        if (request.launchType() != null) {
            if (!request.launchType().equals("FARGATE")) {
                if (!Set.of("EC2", "EXTERNAL", "MANAGED_INSTANCES").contains(request.launchType())) {
                    throw EcsErrors.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
                }
                throw EcsErrors.invalidParameter(NO_CONTAINER_INSTANCES);
            }
            for (int i = 0; i < count; i++) {
                placements.add(new Placement("FARGATE", null));
            }
            return placements;
        }
        List<CapacityProviderStrategyItem> strategy = request.capacityProviderStrategy() != null
                && !request.capacityProviderStrategy().isEmpty()
                ? request.capacityProviderStrategy() : cluster.defaultCapacityProviderStrategy();
        if (strategy == null || strategy.isEmpty()) {
            throw EcsErrors.invalidParameter(NO_CONTAINER_INSTANCES);
        }
        CapacityStrategy.validate(strategy,
                cluster.capacityProviders() == null ? List.of() : cluster.capacityProviders());
        CapacityStrategy.requirePlaceable(strategy);
        for (String provider : CapacityStrategy.spread(strategy, count)) {
            placements.add(new Placement("FARGATE", provider));
        }
        return placements;
    }

    static void validate(RunTaskRequest request, TaskDefinition definition) {
        if (!"ACTIVE".equals(definition.status())) {
            throw EcsErrors.invalidParameter("TaskDefinition is inactive");
        }
        if (definition.compatibilities() == null || !definition.compatibilities().contains("FARGATE")) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        if (request.platformVersion() != null && !PLATFORM_VERSIONS.contains(request.platformVersion())) {
            throw EcsErrors.invalidParameter("The specified platform version does not exist.");
        }
        if ("awsvpc".equals(definition.networkMode())) {
            if (request.networkConfiguration() == null || request.networkConfiguration().awsvpcConfiguration() == null) {
                throw EcsErrors.invalidParameter(
                        "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            }
            validate(request.networkConfiguration().awsvpcConfiguration());
        }
        if (request.startedBy() != null && request.startedBy().length() > 128) {
            throw EcsErrors.invalidParameter("startedBy must be at most 128 characters.");
        }
        if (request.propagateTags() != null && !Set.of("TASK_DEFINITION", "SERVICE", "NONE").contains(request.propagateTags())) {
            throw EcsErrors.invalidParameter("propagateTags must be one of TASK_DEFINITION, SERVICE, NONE.");
        }
    }

    /** The awsvpc configuration's shape, checked before its subnets and groups are looked up. */
    static void validate(AwsVpcConfiguration awsvpc) {
        if (awsvpc.subnets() == null || awsvpc.subnets().isEmpty()) {
            throw EcsErrors.invalidParameter("subnets can not be empty.");
        }
        if (awsvpc.subnets().size() > 16) {
            throw EcsErrors.invalidParameter("subnets can have at most 16 items.");
        }
        if (awsvpc.securityGroups() != null && awsvpc.securityGroups().size() > 5) {
            throw EcsErrors.invalidParameter("securityGroups can have at most 5 items.");
        }
        if (awsvpc.assignPublicIp() != null && !Set.of("ENABLED", "DISABLED").contains(awsvpc.assignPublicIp())) {
            throw EcsErrors.invalidParameter("assignPublicIp must be one of ENABLED, DISABLED.");
        }
    }

    /** The task definition with the request's overrides applied: what the task's containers really run. */
    static TaskDefinition applyOverrides(TaskDefinition definition, TaskOverride overrides) {
        if (overrides == null) {
            return definition;
        }
        Map<String, ContainerOverride> byName = new LinkedHashMap<>();
        for (ContainerOverride override : overrides.containerOverrides() == null ? List.<ContainerOverride>of()
                : overrides.containerOverrides()) {
            boolean known = definition.containerDefinitions().stream().anyMatch(c -> c.name().equals(override.name()));
            if (!known) {
                throw EcsErrors.invalidParameter("Override for container named " + override.name()
                        + " is not a container in the TaskDefinition.");
            }
            byName.put(override.name(), override);
        }
        String cpu = overrides.cpu() == null ? definition.cpu() : FargateSizes.normalizeCpu(overrides.cpu());
        String memory = overrides.memory() == null ? definition.memory() : FargateSizes.normalizeMemory(overrides.memory());
        if (overrides.cpu() != null || overrides.memory() != null) {
            FargateSizes.requireValid(Integer.parseInt(cpu), Integer.parseInt(memory));
        }
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition container : definition.containerDefinitions()) {
            ContainerDefinition merged = ContainerOverrides.apply(container, byName.get(container.name()));
            if (merged.memory() != null && merged.memory() > Integer.parseInt(memory)) {
                throw EcsErrors.invalidParameter("The 'memory' setting for container '" + merged.name()
                        + "' is greater than for the task.");
            }
            containers.add(merged);
        }
        return TaskDefinitionCopies.with(definition, containers, cpu, memory,
                overrides.taskRoleArn() == null ? definition.taskRoleArn() : overrides.taskRoleArn(),
                overrides.executionRoleArn() == null ? definition.executionRoleArn() : overrides.executionRoleArn(),
                overrides.ephemeralStorage() == null ? definition.ephemeralStorage() : overrides.ephemeralStorage());
    }

    /** The overrides as ECS reports them: one entry per container, empty but for its name when not overridden. */
    static TaskOverride reportedOverrides(TaskDefinition definition, TaskOverride overrides) {
        Map<String, ContainerOverride> given = new LinkedHashMap<>();
        if (overrides != null && overrides.containerOverrides() != null) {
            overrides.containerOverrides().forEach(o -> given.put(o.name(), o));
        }
        List<ContainerOverride> containers = definition.containerDefinitions().stream()
                .map(c -> given.getOrDefault(c.name(), new ContainerOverride(c.name(), null, null, null, null, null, null, null)))
                .toList();
        return overrides == null
                ? new TaskOverride(containers, null, List.of(), null, null, null, null)
                : new TaskOverride(containers, overrides.cpu(),
                overrides.inferenceAcceleratorOverrides() == null ? List.of() : overrides.inferenceAcceleratorOverrides(),
                overrides.executionRoleArn(), overrides.memory(), overrides.taskRoleArn(), overrides.ephemeralStorage());
    }

    /** A new task in PROVISIONING, as RunTask reports it. */
    static Task newTask(String taskArn, Cluster cluster, TaskDefinition launched, TaskDefinition registered,
                        RunTaskRequest request, Placement placement, List<Tag> tags, IdGenerator ids,
                        ResolvedNetwork network, String defaultZone, Instant now) {
        String clusterName = cluster.clusterName();
        String prefix = taskArn.substring(0, taskArn.indexOf(":task/"));
        List<Container> containers = new ArrayList<>();
        for (ContainerDefinition definition : launched.containerDefinitions()) {
            containers.add(new Container(prefix + ":container/" + clusterName + "/" + TaskIds.id(taskArn) + "/" + ids.next(),
                    taskArn, definition.name(), definition.image(), null, null, "PENDING", null, null, null, List.of(),
                    definition.healthCheck() == null ? null : "UNKNOWN", null,
                    String.valueOf(definition.cpu() == null ? 0 : definition.cpu()),
                    definition.memory() == null ? null : String.valueOf(definition.memory()),
                    definition.memoryReservation() == null ? null : String.valueOf(definition.memoryReservation()),
                    null));
        }
        int ephemeral = launched.ephemeralStorage() == null ? DEFAULT_EPHEMERAL_GIB : launched.ephemeralStorage().sizeInGiB();
        String group = request.group() != null ? request.group() : "family:" + registered.family();
        List<Attachment> attachments = network == null ? List.of()
                : List.of(TaskAttachments.precreated(uuid(ids.next()), network.subnetId()));
        return new Task(attachments, List.of(new Attribute("ecs.cpu-architecture", cpuArchitecture(launched), null, null)),
                network == null ? defaultZone : network.availabilityZone(), placement.capacityProviderName(), cluster.clusterArn(), null, null, null, containers,
                launched.cpu(), now, "RUNNING", Boolean.TRUE.equals(request.enableExecuteCommand()), null, group,
                "UNKNOWN", null, "PROVISIONING", placement.launchType(), launched.memory(),
                reportedOverrides(registered, request.overrides()), PLATFORM_VERSION, "Linux", null, null, null,
                request.startedBy(), null, null, null, null, tags, taskArn, registered.taskDefinitionArn(), 1L,
                new EphemeralStorage(ephemeral), new TaskEphemeralStorage(ephemeral, null));
    }

    /** The task's tags: its own, those propagated from the task definition, and the ECS managed ones. */
    static List<Tag> tags(RunTaskRequest request, List<Tag> definitionTags, String clusterName) {
        List<Tag> tags = new ArrayList<>(TagRules.POLICY.validate(request.tags()));
        if ("TASK_DEFINITION".equals(request.propagateTags()) && definitionTags != null) {
            tags.addAll(definitionTags);
        }
        if (Boolean.TRUE.equals(request.enableECSManagedTags())) {
            tags.add(new Tag("aws:ecs:clusterName", clusterName));
        }
        return List.copyOf(tags);
    }

    /** A 32-hex id in the dashed form of the UUIDs ECS gives attachments. */
    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String cpuArchitecture(TaskDefinition definition) {
        return definition.runtimePlatform() != null && "ARM64".equals(definition.runtimePlatform().cpuArchitecture())
                ? "arm64" : "x86_64";
    }

    static List<KeyValuePair> environment(List<KeyValuePair> base, List<KeyValuePair> overrides) {
        Map<String, KeyValuePair> byName = new LinkedHashMap<>();
        for (KeyValuePair pair : base == null ? List.<KeyValuePair>of() : base) {
            byName.put(pair.name(), pair);
        }
        for (KeyValuePair pair : overrides == null ? List.<KeyValuePair>of() : overrides) {
            byName.put(pair.name(), pair);
        }
        return List.copyOf(byName.values());
    }
}
