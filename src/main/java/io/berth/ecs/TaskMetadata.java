package io.berth.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.edge.AgentEndpoint;
import io.berth.edge.EdgeResponse;
import io.berth.edge.json.JsonCodec;
import io.berth.runtime.RuntimeUnavailableException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The task metadata endpoint, versions 3 and 4, as the ECS agent serves it on Fargate at
 * ECS_CONTAINER_METADATA_URI and ECS_CONTAINER_METADATA_URI_V4: {@code /v4/ID} (this container),
 * {@code /v4/ID/task}, {@code /v4/ID/taskWithTags}, {@code /v4/ID/stats} and
 * {@code /v4/ID/task/stats}; version 3 the same but taskWithTags. ID is the container's secret
 * endpoint id; where tasks have their own interfaces the request must also come from the task's
 * address, so a task reads only its own data. An unknown id, or another task's, gets what the
 * agent answers an unknown id. Documents come from the stored task (two reads by key); only
 * stats ask the runtime. A stopped task is served until it is pruned, as the agent serves one
 * until it cleans it up.
 */
public final class TaskMetadata implements AgentEndpoint {

    public static final String V3 = "/v3/";
    public static final String V4 = "/v4/";

    /** One sample of a container's resource use, as the Docker Engine API's ContainerStats JSON; empty when it is gone. */
    @FunctionalInterface
    public interface Stats {
        Optional<String> of(String runtimeId);
    }

    private enum Route { CONTAINER, TASK, TASK_WITH_TAGS, CONTAINER_STATS, TASK_STATS }

    private final TaskRecords records;
    private final Stats stats;
    private final boolean tasksHaveInterfaces;

    /** @param tasksHaveInterfaces whether tasks call from their own addresses (the data plane wires interfaces) */
    public TaskMetadata(TaskRecords records, Stats stats, boolean tasksHaveInterfaces) {
        this.records = records;
        this.stats = stats;
        this.tasksHaveInterfaces = tasksHaveInterfaces;
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(V3) || path.startsWith(V4);
    }

    @Override
    public EdgeResponse serve(Request request) {
        TaskMetadataDocuments.Version version = request.path().startsWith(V4)
                ? TaskMetadataDocuments.Version.V4 : TaskMetadataDocuments.Version.V3;
        String rest = request.path().substring(V4.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        Route route = switch (slash < 0 ? "" : rest.substring(slash)) {
            case "" -> Route.CONTAINER;
            case "/task" -> Route.TASK;
            case "/taskWithTags" -> version == TaskMetadataDocuments.Version.V4 ? Route.TASK_WITH_TAGS : null;
            case "/stats" -> Route.CONTAINER_STATS;
            case "/task/stats" -> Route.TASK_STATS;
            default -> null;
        };
        if (route == null || id.isEmpty()) {
            return new EdgeResponse(404, "text/plain; charset=utf-8", "404 page not found\n".getBytes(StandardCharsets.UTF_8));
        }
        if (!"GET".equals(request.method())) {
            return new EdgeResponse(405, "text/plain; charset=utf-8", new byte[0]);
        }
        Optional<TaskRecords.Located> found = records.byMetadataEndpoint(id)
                .filter(located -> mayAsk(located.task(), request.source(), tasksHaveInterfaces));
        if (found.isEmpty()) {
            return unknown(version, route, id);
        }
        StoredTask task = found.get().task();
        String container = found.get().container();
        return switch (route) {
            case CONTAINER -> json(200, TaskMetadataDocuments.container(task, container, version));
            case TASK -> json(200, TaskMetadataDocuments.task(task, version, false));
            case TASK_WITH_TAGS -> json(200, TaskMetadataDocuments.task(task, version, true));
            case CONTAINER_STATS -> containerStats(task, container);
            case TASK_STATS -> taskStats(task);
        };
    }

    /**
     * Whether a call from {@code source} may be the task's own. Without interfaces every task calls
     * from the same host address: the secret id alone decides.
     */
    static boolean mayAsk(StoredTask task, String source, boolean tasksHaveInterfaces) {
        if (!tasksHaveInterfaces) {
            return true;
        }
        return TaskMetadataDocuments.address(task).map(source::equals).orElse(false);
    }

    private EdgeResponse containerStats(StoredTask task, String container) {
        Optional<String> runtimeId = runtimeId(task, container);
        Optional<String> sample;
        try {
            sample = runtimeId.flatMap(stats::of);
        } catch (RuntimeUnavailableException e) {
            sample = Optional.empty();
        }
        if (sample.isEmpty()) {
            return json(500, "Unable to get container stats for: " + runtimeId.orElse(""));
        }
        return new EdgeResponse(200, "application/json", sample.get().getBytes(StandardCharsets.UTF_8));
    }

    /** Every created container's sample, keyed by its DockerId; taken side by side, each takes the runtime a moment. */
    private EdgeResponse taskStats(StoredTask task) {
        Map<String, Future<Optional<String>>> pending = new LinkedHashMap<>();
        // A tree, not a map: the shared mapper leaves out null map values, and the agent writes a missing sample as null.
        ObjectNode samples = JsonCodec.mapper().createObjectNode();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var definition : task.definition().containerDefinitions()) {
                runtimeId(task, definition.name()).ifPresent(id -> pending.put(id, parallel.submit(() -> stats.of(id))));
            }
            for (Map.Entry<String, Future<Optional<String>>> entry : pending.entrySet()) {
                samples.set(entry.getKey(), sample(entry.getValue()));
            }
        }
        return json(200, samples);
    }

    private static JsonNode sample(Future<Optional<String>> future) {
        try {
            Optional<String> text = future.get();
            return text.isEmpty() ? NullNode.instance : JsonCodec.mapper().readTree(text.get());
        } catch (ExecutionException | JsonProcessingException e) {
            return NullNode.instance;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NullNode.instance;
        }
    }

    private static Optional<String> runtimeId(StoredTask task, String container) {
        return task.task().containers().stream().filter(c -> c.name().equals(container))
                .map(io.berth.ecs.model.Container::runtimeId).filter(id -> id != null).findFirst();
    }

    /** What the agent answers for an id it does not know, by version and path (a JSON string). */
    private static EdgeResponse unknown(TaskMetadataDocuments.Version version, Route route, String id) {
        boolean v4 = version == TaskMetadataDocuments.Version.V4;
        String taskArn = "unable to get task arn from request: unable to get task Arn from v3 endpoint ID: " + id;
        String prefix = v4 ? "V4 " : "V3 ";
        return switch (route) {
            case CONTAINER -> json(v4 ? 404 : 500, prefix + "container metadata handler: unable to get container ID "
                    + "from request: unable to get docker ID from v3 endpoint ID: " + id);
            case TASK, TASK_WITH_TAGS -> json(v4 ? 404 : 500, prefix + "task metadata handler: " + taskArn);
            case CONTAINER_STATS -> json(v4 ? 404 : 400, prefix + "container stats handler: " + taskArn);
            case TASK_STATS -> json(v4 ? 404 : 400, prefix + "task stats handler: " + taskArn);
        };
    }

    private static EdgeResponse json(int status, Object body) {
        try {
            return new EdgeResponse(status, "application/json", JsonCodec.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment that points a container at its own metadata, as Fargate sets it in every container. */
    static Map<String, String> environment(StoredTask task, String container, String endpoint) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE");
        task.agentContainer(container).ifPresent(agent -> {
            environment.put("ECS_CONTAINER_METADATA_URI", endpoint + V3 + agent.endpointId());
            environment.put("ECS_CONTAINER_METADATA_URI_V4", endpoint + V4 + agent.endpointId());
            environment.put("ECS_AGENT_URI", endpoint + TaskProtectionEndpoint.PREFIX + agent.endpointId());
        });
        return environment;
    }
}
