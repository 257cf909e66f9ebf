package io.berth.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.ec2.Eni;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.edge.json.JsonCodec;
import io.berth.runtime.ContainerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.named;
import static io.berth.ecs.TaskDefinitionRequests.register;
import static org.assertj.core.api.Assertions.assertThat;

/** The v3 and v4 task metadata documents, built from a task record walked through its lifecycle. */
class TaskMetadataDocumentsTest {

    static final String TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef";
    static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/c";
    static final Instant LAUNCHED = Instant.parse("2026-11-25T12:00:00Z");
    static final Instant STARTED = Instant.parse("2026-11-25T12:00:03.123456789Z");
    static final String APP_ID = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String SIDECAR_ID = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final Duration RETENTION = Duration.ofHours(1);

    /** A RUNNING two-container task on 10.0.1.4, as the controller would have stored it. */
    static StoredTask running(String group, List<Tag> tags) {
        TaskDefinition definition = register(fargate("",
                named("app", "'cpu':128,'memory':256,'dockerLabels':{'team':'blue'},"
                        + "'healthCheck':{'command':['CMD','true']},"
                        + "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'/ecs/web',"
                        + "'awslogs-region':'us-east-1','awslogs-stream-prefix':'web'}}"),
                named("sidecar", "'essential':false")));
        ResolvedNetwork network = new ResolvedNetwork("vpc-1", "10.0.0.0/16", "subnet-1", "10.0.1.0/24", "us-east-1b",
                "10.0.1.1", List.of("sg-1"));
        AtomicInteger ids = new AtomicInteger();
        Cluster cluster = new Cluster(CLUSTER_ARN, "c", null, "ACTIVE", 0, 0, 0, 0, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null);
        RunTaskRequest request = new RunTaskRequest(null, "c", 1, null, null, null, "FARGATE", null, null, null, null,
                null, null, null, null, null, "web:3", null);
        Task task = TaskLaunch.newTask(TASK_ARN, cluster, definition, definition, request,
                new TaskLaunch.Placement("FARGATE", null), tags, () -> String.format("%032x", ids.incrementAndGet()),
                network, "us-east-1a", LAUNCHED);
        if (group != null) {
            TaskEditor editor = TaskEditor.of(task);
            editor.group = group;
            task = editor.build();
        }
        StoredTask stored = new StoredTask(task, definition, null, network, "token",
                List.of(AgentContainer.launched("app", "app-endpoint"), AgentContainer.launched("sidecar", "sidecar-endpoint")), 0, null);
        ContainerStatus sandbox = status("sandbox", ContainerStatus.State.RUNNING, null);

        stored = TaskLifecycle.step(stored, seen(sandbox, Map.of()), LAUNCHED, RETENTION).task();
        stored = TaskLifecycle.networkAttached(stored, new Eni("eni-1", task.attachments().getFirst().id(), TASK_ARN,
                "vpc-1", "10.0.0.0/16", "subnet-1", "10.0.1.0/24", "us-east-1b", "10.0.1.4", "10.0.1.1",
                "02:00:0a:00:01:04", "ip-10-0-1-4.ec2.internal", List.of("sg-1")), LAUNCHED.plusSeconds(1));
        Map<String, ContainerStatus> created = Map.of("app", status(APP_ID, ContainerStatus.State.CREATED, null),
                "sidecar", status(SIDECAR_ID, ContainerStatus.State.CREATED, null));
        stored = steps(stored, seen(sandbox, created), LAUNCHED.plusSeconds(2));
        Map<String, ContainerStatus> started = Map.of("app", status(APP_ID, ContainerStatus.State.RUNNING, null),
                "sidecar", new ContainerStatus(SIDECAR_ID, Map.of(), ContainerStatus.State.EXITED, 3, false, STARTED,
                        STARTED.plusSeconds(1), null, null));
        return steps(stored, seen(sandbox, started), STARTED);
    }

    /** Steps until the task waits, as the controller does in one round. */
    private static StoredTask steps(StoredTask stored, Observation seen, Instant now) {
        for (int i = 0; i < 10; i++) {
            TaskLifecycle.Step step = TaskLifecycle.step(stored, seen, now, RETENTION);
            if (step.task().equals(stored)) {
                return stored;
            }
            stored = step.task();
        }
        return stored;
    }

    private static ContainerStatus status(String id, ContainerStatus.State state, Integer exitCode) {
        return new ContainerStatus(id, Map.of(), state, exitCode, false, null, null, null, null);
    }

    private static Observation seen(ContainerStatus sandbox, Map<String, ContainerStatus> containers) {
        return new Observation(Optional.ofNullable(sandbox), containers);
    }

    private static JsonNode json(Object document) {
        return JsonCodec.mapper().valueToTree(document);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theV4TaskDocumentHasTheTaskAndEveryContainerAsFargateShowsThem() {
        StoredTask task = running(null, List.of(new Tag("env", "prod")));
        assertThat(task.task().lastStatus()).isEqualTo("RUNNING");

        JsonNode document = json(TaskMetadataDocuments.task(task, TaskMetadataDocuments.Version.V4, false));

        assertThat(names(document)).containsExactly("Cluster", "TaskARN", "Family", "Revision", "DesiredStatus",
                "KnownStatus", "Limits", "PullStartedAt", "PullStoppedAt", "AvailabilityZone", "LaunchType", "Containers");
        assertThat(document.get("Cluster").asText()).isEqualTo(CLUSTER_ARN);
        assertThat(document.get("TaskARN").asText()).isEqualTo(TASK_ARN);
        assertThat(document.get("Family").asText()).isEqualTo("web");
        assertThat(document.get("Revision").asText()).isEqualTo("3");
        assertThat(document.get("DesiredStatus").asText()).isEqualTo("RUNNING");
        assertThat(document.get("KnownStatus").asText()).isEqualTo("RUNNING");
        assertThat(document.get("Limits").toString()).isEqualTo("{\"CPU\":0.25,\"Memory\":512}");
        assertThat(document.get("PullStartedAt").asText()).isEqualTo("2026-11-25T12:00:02Z");
        assertThat(document.get("AvailabilityZone").asText()).isEqualTo("us-east-1b");
        assertThat(document.get("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(document.get("Containers")).hasSize(2);
        assertThat(document.get("Containers").get(0).get("Name").asText()).isEqualTo("app");
        assertThat(document.get("Containers").get(1).get("Name").asText()).isEqualTo("sidecar");
    }

    @Test
    void theV4ContainerDocumentCarriesItsLabelsLimitsTimesLogsAndInterface() {
        StoredTask task = running(null, List.of());

        JsonNode app = json(TaskMetadataDocuments.container(task, "app", TaskMetadataDocuments.Version.V4));

        assertThat(names(app)).containsExactly("DockerId", "Name", "DockerName", "Image", "ImageID", "Labels",
                "DesiredStatus", "KnownStatus", "Limits", "CreatedAt", "StartedAt", "Type", "Health", "LogDriver",
                "LogOptions", "ContainerARN", "Networks");
        assertThat(app.get("DockerId").asText()).isEqualTo(APP_ID);
        assertThat(app.get("DockerName").asText()).isEqualTo("app");
        assertThat(app.get("Image").asText()).isEqualTo("nginx:1.27");
        assertThat(app.get("Labels").toString()).isEqualTo("{\"com.amazonaws.ecs.cluster\":\"" + CLUSTER_ARN + "\","
                + "\"com.amazonaws.ecs.container-name\":\"app\",\"com.amazonaws.ecs.task-arn\":\"" + TASK_ARN + "\","
                + "\"com.amazonaws.ecs.task-definition-family\":\"web\",\"com.amazonaws.ecs.task-definition-version\":\"3\","
                + "\"team\":\"blue\"}");
        assertThat(app.get("KnownStatus").asText()).isEqualTo("RUNNING");
        assertThat(app.get("Limits").toString()).isEqualTo("{\"CPU\":128,\"Memory\":256}");
        assertThat(app.get("CreatedAt").asText()).isEqualTo("2026-11-25T12:00:02Z");
        // The runtime's list gives no start time for a running container: the moment it is seen running.
        assertThat(app.get("StartedAt").asText()).isEqualTo(STARTED.toString());
        assertThat(app.get("Type").asText()).isEqualTo("NORMAL");
        assertThat(app.get("Health").toString()).isEqualTo("{\"status\":\"UNKNOWN\"}");
        assertThat(app.get("LogDriver").asText()).isEqualTo("awslogs");
        assertThat(app.get("LogOptions").toString()).isEqualTo("{\"awslogs-group\":\"/ecs/web\",\"awslogs-region\":"
                + "\"us-east-1\",\"awslogs-stream\":\"web/app/0123456789abcdef0123456789abcdef\","
                + "\"awslogs-stream-prefix\":\"web\"}");
        assertThat(app.get("ContainerARN").asText()).startsWith("arn:aws:ecs:us-east-1:123456789012:container/c/"
                + "0123456789abcdef0123456789abcdef/");
        assertThat(app.get("Networks").toString()).isEqualTo("[{\"NetworkMode\":\"awsvpc\",\"IPv4Addresses\":"
                + "[\"10.0.1.4\"],\"AttachmentIndex\":0,\"MACAddress\":\"02:00:0a:00:01:04\",\"IPv4SubnetCIDRBlock\":"
                + "\"10.0.1.0/24\",\"PrivateDNSName\":\"ip-10-0-1-4.ec2.internal\",\"SubnetGatewayIpv4Address\":"
                + "\"10.0.1.1/24\"}]");
    }

    @Test
    void anExitedContainerShowsItsExitCodeAndTheRuntimesTimes() {
        JsonNode sidecar = json(TaskMetadataDocuments.container(running(null, List.of()), "sidecar",
                TaskMetadataDocuments.Version.V4));

        assertThat(sidecar.get("KnownStatus").asText()).isEqualTo("STOPPED");
        assertThat(sidecar.get("DesiredStatus").asText()).isEqualTo("RUNNING");
        assertThat(sidecar.get("ExitCode").asInt()).isEqualTo(3);
        assertThat(sidecar.get("StartedAt").asText()).isEqualTo(STARTED.toString());
        assertThat(sidecar.get("FinishedAt").asText()).isEqualTo(STARTED.plusSeconds(1).toString());
        assertThat(sidecar.get("Limits").toString()).isEqualTo("{\"CPU\":0}");
        assertThat(sidecar.has("Health")).isFalse();
        assertThat(sidecar.has("LogDriver")).isFalse();
    }

    @Test
    void version3LeavesOutWhatVersion4Added() {
        StoredTask task = running("service:api", List.of());

        JsonNode document = json(TaskMetadataDocuments.task(task, TaskMetadataDocuments.Version.V3, false));
        JsonNode app = document.get("Containers").get(0);

        assertThat(document.has("LaunchType")).isFalse();
        assertThat(document.has("ServiceName")).isFalse();
        assertThat(app.has("LogDriver")).isFalse();
        assertThat(app.has("LogOptions")).isFalse();
        assertThat(app.has("ContainerARN")).isFalse();
        assertThat(app.get("Networks").toString())
                .isEqualTo("[{\"NetworkMode\":\"awsvpc\",\"IPv4Addresses\":[\"10.0.1.4\"]}]");
        assertThat(app.get("DockerId").asText()).isEqualTo(APP_ID);
    }

    @Test
    void aServicesTaskNamesItsServiceAndTheTagsVariantAddsTheTasksTags() {
        StoredTask task = running("service:api", List.of(new Tag("env", "prod"), new Tag("app", "web")));

        JsonNode plain = json(TaskMetadataDocuments.task(task, TaskMetadataDocuments.Version.V4, false));
        JsonNode tagged = json(TaskMetadataDocuments.task(task, TaskMetadataDocuments.Version.V4, true));

        assertThat(plain.get("ServiceName").asText()).isEqualTo("api");
        assertThat(plain.has("TaskTags")).isFalse();
        assertThat(tagged.get("TaskTags").toString()).isEqualTo("{\"app\":\"web\",\"env\":\"prod\"}");
    }

    @Test
    void aTaskBeforeItsInterfaceAndContainersShowsNoneOfThem() {
        StoredTask running = running(null, List.of());
        TaskEditor editor = TaskEditor.of(running.task());
        editor.lastStatus = "PROVISIONING";
        editor.attachments = List.of(TaskAttachments.precreated("a", "subnet-1"));
        editor.containers = TaskLaunch.newTask(TASK_ARN, new Cluster(CLUSTER_ARN, "c", null, "ACTIVE", 0, 0, 0, 0,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null), running.definition(),
                running.definition(), new RunTaskRequest(null, "c", 1, null, null, null, "FARGATE", null, null, null,
                        null, null, null, null, null, null, "web:3", null), new TaskLaunch.Placement("FARGATE", null),
                List.of(), () -> "00000000000000000000000000000001", null, "us-east-1a", LAUNCHED).containers();
        editor.pullStartedAt = null;
        editor.pullStoppedAt = null;
        StoredTask provisioning = new StoredTask(editor.build(), running.definition(), null, running.network(), "token",
                List.of(AgentContainer.launched("app", "e1"), AgentContainer.launched("sidecar", "e2")), 0, null);

        JsonNode document = json(TaskMetadataDocuments.task(provisioning, TaskMetadataDocuments.Version.V4, false));
        JsonNode app = document.get("Containers").get(0);

        assertThat(document.get("KnownStatus").asText()).isEqualTo("NONE");
        assertThat(document.has("PullStartedAt")).isFalse();
        assertThat(app.get("DockerId").asText()).isEmpty();
        assertThat(app.get("KnownStatus").asText()).isEqualTo("NONE");
        assertThat(app.has("CreatedAt")).isFalse();
        assertThat(app.has("Networks")).isFalse();
        assertThat(TaskMetadataDocuments.address(provisioning)).isEmpty();
    }

    @Test
    void statusesMapToTheAgentsAndTaskCpuToVcpus() {
        assertThat(TaskMetadataDocuments.knownStatus("PENDING", false)).isEqualTo("NONE");
        assertThat(TaskMetadataDocuments.knownStatus("PENDING", true)).isEqualTo("PULLED");
        assertThat(TaskMetadataDocuments.knownStatus("ACTIVATING", true)).isEqualTo("CREATED");
        assertThat(TaskMetadataDocuments.knownStatus("DEACTIVATING", true)).isEqualTo("RUNNING");
        assertThat(TaskMetadataDocuments.knownStatus("DEPROVISIONING", true)).isEqualTo("STOPPED");
        assertThat(TaskMetadataDocuments.containerKnownStatus("PENDING", true)).isEqualTo("CREATED");
        assertThat(JsonCodec.mapper().valueToTree(TaskMetadataDocuments.vcpus(256)).toString()).isEqualTo("0.25");
        assertThat(JsonCodec.mapper().valueToTree(TaskMetadataDocuments.vcpus(2048)).toString()).isEqualTo("2");
        assertThat(JsonCodec.mapper().valueToTree(TaskMetadataDocuments.vcpus(512)).toString()).isEqualTo("0.5");
    }

    @Test
    void everyContainerIsPointedAtItsOwnMetadata() {
        StoredTask task = running(null, List.of());

        Map<String, String> app = ContainerSpecs.of(task, task.definition().containerDefinitions().getFirst(), "sandbox",
                "sha256:1", java.nio.file.Path.of("/v"), "http://169.254.170.2:4566").environment();

        assertThat(app).containsEntry("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2:4566/v4/app-endpoint")
                .containsEntry("ECS_CONTAINER_METADATA_URI", "http://169.254.170.2:4566/v3/app-endpoint")
                .containsEntry("ECS_AGENT_URI", "http://169.254.170.2:4566/api/app-endpoint")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE")
                .doesNotContainKey("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }
}
