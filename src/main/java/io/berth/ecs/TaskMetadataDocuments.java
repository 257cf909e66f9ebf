package io.berth.ecs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.Container;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.LogConfiguration;
import io.berth.ecs.model.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task metadata documents as the ECS agent of Fargate platform version 1.4.0 serves them,
 * built from the stored task alone (no runtime call: sidecars poll them). Version 3 is version 4
 * without the fields version 4 added: the task's launch type and service, each container's log
 * configuration and ARN, and the interface's details beyond mode and address. Maps are sorted
 * by key, as the agent's JSON encoder writes them; absent values are left out, as it leaves them.
 */
public final class TaskMetadataDocuments {

    public enum Version { V3, V4 }

    static final String LABEL_CLUSTER = "com.amazonaws.ecs.cluster";
    static final String LABEL_CONTAINER_NAME = "com.amazonaws.ecs.container-name";
    static final String LABEL_TASK_ARN = "com.amazonaws.ecs.task-arn";
    static final String LABEL_FAMILY = "com.amazonaws.ecs.task-definition-family";
    static final String LABEL_REVISION = "com.amazonaws.ecs.task-definition-version";
    private static final String SERVICE_GROUP = "service:";

    private TaskMetadataDocuments() {
    }

    /** ${ECS_CONTAINER_METADATA_URI_V4}/task (and /taskWithTags with the task's tags). */
    public record TaskDocument(
            @JsonProperty("Cluster") String cluster,
            @JsonProperty("TaskARN") String taskArn,
            @JsonProperty("Family") String family,
            @JsonProperty("Revision") String revision,
            @JsonProperty("DesiredStatus") String desiredStatus,
            @JsonProperty("KnownStatus") String knownStatus,
            @JsonProperty("Limits") Limits limits,
            @JsonProperty("PullStartedAt") String pullStartedAt,
            @JsonProperty("PullStoppedAt") String pullStoppedAt,
            @JsonProperty("ExecutionStoppedAt") String executionStoppedAt,
            @JsonProperty("AvailabilityZone") String availabilityZone,
            @JsonProperty("TaskTags") Map<String, String> taskTags,
            @JsonProperty("LaunchType") String launchType,
            @JsonProperty("Containers") List<ContainerDocument> containers,
            @JsonProperty("ServiceName") String serviceName) {
    }

    /** ${ECS_CONTAINER_METADATA_URI_V4}, and each entry of the task's Containers. */
    public record ContainerDocument(
            @JsonProperty("DockerId") String dockerId,
            @JsonProperty("Name") String name,
            @JsonProperty("DockerName") String dockerName,
            @JsonProperty("Image") String image,
            @JsonProperty("ImageID") String imageId,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("DesiredStatus") String desiredStatus,
            @JsonProperty("KnownStatus") String knownStatus,
            @JsonProperty("ExitCode") Integer exitCode,
            @JsonProperty("Limits") Limits limits,
            @JsonProperty("CreatedAt") String createdAt,
            @JsonProperty("StartedAt") String startedAt,
            @JsonProperty("FinishedAt") String finishedAt,
            @JsonProperty("Type") String type,
            @JsonProperty("Health") Health health,
            @JsonProperty("LogDriver") String logDriver,
            @JsonProperty("LogOptions") Map<String, String> logOptions,
            @JsonProperty("ContainerARN") String containerArn,
            @JsonProperty("Networks") List<Network> networks) {
    }

    /** CPU in vCPUs for a task, in CPU units for a container; memory in MiB. */
    public record Limits(@JsonProperty("CPU") Number cpu, @JsonProperty("Memory") Integer memory) {
    }

    public record Health(@JsonProperty("status") String status) {
    }

    public record Network(
            @JsonProperty("NetworkMode") String networkMode,
            @JsonProperty("IPv4Addresses") List<String> ipv4Addresses,
            @JsonProperty("AttachmentIndex") Integer attachmentIndex,
            @JsonProperty("MACAddress") String macAddress,
            @JsonProperty("IPv4SubnetCIDRBlock") String ipv4SubnetCidrBlock,
            @JsonProperty("PrivateDNSName") String privateDnsName,
            @JsonProperty("SubnetGatewayIpv4Address") String subnetGatewayIpv4Address) {
    }

    public static TaskDocument task(StoredTask stored, Version version, boolean withTags) {
        var task = stored.task();
        boolean v4 = version == Version.V4;
        List<ContainerDocument> containers = stored.definition().containerDefinitions().stream()
                .map(c -> container(stored, c.name(), version)).toList();
        String group = task.group();
        return new TaskDocument(task.clusterArn(), task.taskArn(), stored.definition().family(),
                String.valueOf(stored.definition().revision()), task.desiredStatus(), knownStatus(task.lastStatus(),
                task.pullStoppedAt() != null), new Limits(vcpus(Integer.parseInt(task.cpu())), Integer.parseInt(task.memory())),
                time(task.pullStartedAt()), time(task.pullStoppedAt()), time(task.executionStoppedAt()),
                task.availabilityZone(), withTags ? tags(task.tags()) : null, v4 ? task.launchType() : null, containers,
                v4 && group != null && group.startsWith(SERVICE_GROUP) ? group.substring(SERVICE_GROUP.length()) : null);
    }

    /** The document of one container of the task; the name must be one of its containers'. */
    public static ContainerDocument container(StoredTask stored, String name, Version version) {
        boolean v4 = version == Version.V4;
        ContainerDefinition definition = stored.definition().containerDefinitions().stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        Optional<Container> reported = stored.task().containers().stream().filter(c -> c.name().equals(name)).findFirst();
        Optional<AgentContainer> agent = stored.agentContainer(name);
        String lastStatus = reported.map(Container::lastStatus).orElse("PENDING");
        String runtimeId = reported.map(Container::runtimeId).orElse(null);
        LogConfiguration logs = definition.logConfiguration();
        return new ContainerDocument(runtimeId == null ? "" : runtimeId, name, name, definition.image(),
                reported.map(Container::imageDigest).orElse(""), labels(stored, definition),
                "STOPPED".equals(stored.task().desiredStatus()) ? "STOPPED" : "RUNNING",
                containerKnownStatus(lastStatus, runtimeId != null),
                "STOPPED".equals(lastStatus) ? reported.map(Container::exitCode).orElse(null) : null,
                new Limits(definition.cpu() == null ? 0 : definition.cpu(), definition.memory()),
                agent.map(a -> time(a.createdAt())).orElse(null), agent.map(a -> time(a.startedAt())).orElse(null),
                agent.map(a -> time(a.finishedAt())).orElse(null), "NORMAL",
                definition.healthCheck() == null ? null
                        : new Health(reported.map(Container::healthStatus).orElse("UNKNOWN")),
                v4 && logs != null ? logs.logDriver() : null, v4 && logs != null ? logOptions(stored, definition) : null,
                v4 ? reported.map(Container::containerArn).orElse(null) : null, networks(stored, v4));
    }

    /** The user's docker labels with the agent's own over them. */
    private static Map<String, String> labels(StoredTask stored, ContainerDefinition definition) {
        Map<String, String> labels = new TreeMap<>(definition.dockerLabels() == null ? Map.of() : definition.dockerLabels());
        labels.put(LABEL_CLUSTER, stored.task().clusterArn());
        labels.put(LABEL_CONTAINER_NAME, definition.name());
        labels.put(LABEL_TASK_ARN, stored.task().taskArn());
        labels.put(LABEL_FAMILY, stored.definition().family());
        labels.put(LABEL_REVISION, String.valueOf(stored.definition().revision()));
        return labels;
    }

    /** The options as given; Fargate adds the stream an awslogs container writes to. */
    private static Map<String, String> logOptions(StoredTask stored, ContainerDefinition definition) {
        LogConfiguration logs = definition.logConfiguration();
        Map<String, String> options = new TreeMap<>(logs.options() == null ? Map.of() : logs.options());
        if ("awslogs".equals(logs.logDriver())) {
            options.put("awslogs-stream", awslogsStream(stored, definition));
        }
        return options.isEmpty() ? null : options;
    }

    /** The stream an awslogs container's output goes to: PREFIX/CONTAINER/TASK_ID, or CONTAINER/TASK_ID. */
    public static String awslogsStream(StoredTask stored, ContainerDefinition definition) {
        LogConfiguration logs = definition.logConfiguration();
        String prefix = logs == null || logs.options() == null ? null : logs.options().get("awslogs-stream-prefix");
        return (prefix == null ? "" : prefix + "/") + definition.name() + "/" + stored.id();
    }

    /** The task's interface, once it has its address; every container of an awsvpc task shares it. */
    private static List<Network> networks(StoredTask stored, boolean v4) {
        Optional<Attachment> eni = TaskAttachments.eni(stored.task().attachments());
        Optional<String> address = eni.flatMap(a -> detail(a, "privateIPv4Address"));
        if (address.isEmpty()) {
            return null;
        }
        if (!v4) {
            return List.of(new Network("awsvpc", List.of(address.get()), null, null, null, null, null));
        }
        var subnet = stored.network();
        String gateway = subnet == null ? null
                : subnet.gateway() + "/" + subnet.prefixLength();
        return List.of(new Network("awsvpc", List.of(address.get()), 0, detail(eni.get(), "macAddress").orElse(null),
                subnet == null ? null : subnet.subnetCidr(), detail(eni.get(), "privateDnsName").orElse(null), gateway));
    }

    /** The address the task's containers call from, once its interface has one. */
    public static Optional<String> address(StoredTask stored) {
        return TaskAttachments.eni(stored.task().attachments()).flatMap(a -> detail(a, "privateIPv4Address"));
    }

    private static Optional<String> detail(Attachment attachment, String name) {
        return attachment.details() == null ? Optional.empty() : attachment.details().stream()
                .filter(d -> name.equals(d.name())).map(KeyValuePair::value).findFirst();
    }

    /**
     * The agent's task status (NONE, PULLED, CREATED, RUNNING, STOPPED) for the ECS one: it knows
     * a task as running until its containers have stopped, and stopped from then on.
     */
    static String knownStatus(String lastStatus, boolean pulled) {
        return switch (lastStatus) {
            case "PROVISIONING", "PENDING" -> pulled ? "PULLED" : "NONE";
            case "ACTIVATING" -> "CREATED";
            case "RUNNING", "DEACTIVATING", "STOPPING" -> "RUNNING";
            default -> "STOPPED";
        };
    }

    /** A container ECS reports PENDING is CREATED to the agent once the runtime has it, else NONE. */
    static String containerKnownStatus(String lastStatus, boolean created) {
        return switch (lastStatus) {
            case "RUNNING" -> "RUNNING";
            case "STOPPED" -> "STOPPED";
            default -> created ? "CREATED" : "NONE";
        };
    }

    /** CPU units as vCPUs, written as the agent writes a float: 0.25, 1, 2. */
    static Number vcpus(int units) {
        return units % 1024 == 0 ? (Number) (units / 1024) : (Number) (units / 1024.0);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> byKey = new TreeMap<>();
        (tags == null ? List.<Tag>of() : tags).forEach(t -> byKey.put(t.key(), t.value()));
        return byKey.isEmpty() ? null : byKey;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
