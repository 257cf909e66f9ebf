package io.berth.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.ProtectedTask;
import io.berth.edge.AgentEndpoint;
import io.berth.edge.AwsException;
import io.berth.edge.EdgeResponse;
import io.berth.edge.json.JsonCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The task scale-in protection endpoint as the ECS agent serves it at ECS_AGENT_URI:
 * {@code GET} and {@code PUT /api/ID/task-protection/v1/state}, ID being the calling container's
 * secret metadata endpoint id, checked as the metadata endpoint checks it, so a task reads and sets
 * only its own protection. A PUT takes {@code {"ProtectionEnabled":…,"ExpiresInMinutes":…}} with
 * UpdateTaskProtection's rules. Answers are the agent's envelopes: {@code {"protection":{…}}},
 * {@code {"failure":{…}}} (status 200) for what ECS answers as a failure (a standalone task:
 * TASK_NOT_VALID), and {@code {"error":{…}}} with ECS's status for what it answers as an error, 400
 * for a body the agent cannot decode (unknown fields included) and 404 for an id it does not know.
 */
public final class TaskProtectionEndpoint implements AgentEndpoint {

    /** ECS_AGENT_URI is this followed by the container's endpoint id. */
    public static final String PREFIX = "/api/";
    private static final String STATE = "/task-protection/v1/state";

    private final TaskRecords records;
    private final InstantSource clock;
    private final Runnable servicesChanged;
    private final boolean tasksHaveInterfaces;

    /**
     * @param servicesChanged     wakes the service scheduler: a task no longer protected may be scaled in now
     * @param tasksHaveInterfaces whether tasks call from their own addresses (the data plane wires interfaces)
     */
    public TaskProtectionEndpoint(TaskRecords records, InstantSource clock, Runnable servicesChanged,
                                  boolean tasksHaveInterfaces) {
        this.records = records;
        this.clock = clock;
        this.servicesChanged = servicesChanged;
        this.tasksHaveInterfaces = tasksHaveInterfaces;
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public EdgeResponse serve(Request request) {
        String rest = request.path().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || !rest.substring(slash).equals(STATE)) {
            return new EdgeResponse(404, "text/plain; charset=utf-8", "404 page not found\n".getBytes(StandardCharsets.UTF_8));
        }
        boolean put = "PUT".equals(request.method());
        if (!put && !"GET".equals(request.method())) {
            return new EdgeResponse(405, "text/plain; charset=utf-8", new byte[0]);
        }
        Optional<Change> change = Optional.empty();
        if (put) {
            change = decode(request.body());
            if (change.isEmpty()) {
                return error(400, null, "InvalidParameterException", "UpdateTaskProtection: failed to decode request");
            }
        }
        Optional<StoredTask> task = records.byMetadataEndpoint(rest.substring(0, slash))
                .map(TaskRecords.Located::task)
                .filter(t -> TaskMetadata.mayAsk(t, request.source(), tasksHaveInterfaces));
        if (task.isEmpty()) {
            return error(404, null, "ResourceNotFoundException", "Failed to find a task for the request");
        }
        return put ? update(task.get(), change.get()) : read(task.get());
    }

    /** What a PUT asks, as the agent decodes it: only its two fields, of their types. */
    private record Change(Boolean protectionEnabled, Integer expiresInMinutes) {
    }

    private EdgeResponse read(StoredTask task) {
        Optional<Failure> failure = TaskProtections.failure(Optional.of(task), task.task().taskArn());
        if (failure.isPresent()) {
            return failure(failure.get());
        }
        return protection(TaskProtections.view(task, clock.instant()));
    }

    private static Optional<Change> decode(byte[] body) {
        JsonNode request;
        try {
            request = JsonCodec.mapper().readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (request == null || request.isMissingNode()) {
            return Optional.empty();
        }
        if (request.isNull()) {
            return Optional.of(new Change(null, null));
        }
        if (!request.isObject()) {
            return Optional.empty();
        }
        for (var names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("ProtectionEnabled") && !name.equals("ExpiresInMinutes")) {
                return Optional.empty();
            }
        }
        JsonNode enabled = request.path("ProtectionEnabled");
        JsonNode minutes = request.path("ExpiresInMinutes");
        if (!(enabled.isMissingNode() || enabled.isNull() || enabled.isBoolean())
                || !(minutes.isMissingNode() || minutes.isNull() || minutes.isIntegralNumber()
                && minutes.canConvertToInt())) {
            return Optional.empty();
        }
        return Optional.of(new Change(enabled.isBoolean() ? enabled.booleanValue() : null,
                minutes.isNumber() ? minutes.intValue() : null));
    }

    private EdgeResponse update(StoredTask task, Change change) {
        if (change.protectionEnabled() == null) {
            return error(400, task.task().taskArn(), "InvalidParameterException",
                    "Invalid request: does not contain 'ProtectionEnabled' field");
        }
        Instant now = clock.instant();
        Instant until;
        try {
            until = TaskProtections.until(change.protectionEnabled(), change.expiresInMinutes(), now);
        } catch (AwsException e) {
            return error(e.status(), task.task().taskArn(), e.code(), e.getMessage());
        }
        // The task controller and the API write the task too: write on the revision read, or read again.
        StoredTask current = task;
        while (true) {
            Optional<Failure> failure = TaskProtections.failure(Optional.of(current), current.task().taskArn());
            if (failure.isPresent()) {
                return failure(failure.get());
            }
            Optional<StoredTask> saved = records.replace(current, current.withProtection(until));
            if (saved.isPresent()) {
                servicesChanged.run();
                return protection(TaskProtections.view(saved.get(), now));
            }
            Optional<StoredTask> reread = records.get(current.task().taskArn());
            if (reread.isEmpty()) {
                return failure(new Failure(current.task().taskArn(), "MISSING", null));
            }
            current = reread.get();
        }
    }

    private static EdgeResponse protection(ProtectedTask task) {
        // The agent writes ECS's ProtectedTask whole: no expiration date shows as null.
        ObjectNode protection = JsonCodec.mapper().createObjectNode();
        protection.put("ExpirationDate", task.expirationDate() == null ? null
                : task.expirationDate().truncatedTo(ChronoUnit.MILLIS).toString());
        protection.put("ProtectionEnabled", task.protectionEnabled());
        protection.put("TaskArn", task.taskArn());
        ObjectNode envelope = JsonCodec.mapper().createObjectNode();
        envelope.set("protection", protection);
        return json(200, envelope);
    }

    private static EdgeResponse failure(Failure failure) {
        ObjectNode body = JsonCodec.mapper().createObjectNode();
        body.put("Arn", failure.arn());
        body.put("Detail", failure.detail());
        body.put("Reason", failure.reason());
        ObjectNode envelope = JsonCodec.mapper().createObjectNode();
        envelope.set("failure", body);
        return json(200, envelope);
    }

    /** The agent's error envelope; it names the task once it has found it. */
    private static EdgeResponse error(int status, String taskArn, String code, String message) {
        ObjectNode body = JsonCodec.mapper().createObjectNode();
        if (taskArn != null) {
            body.put("Arn", taskArn);
        }
        body.put("Code", code);
        body.put("Message", message);
        ObjectNode envelope = JsonCodec.mapper().createObjectNode();
        envelope.set("error", body);
        return json(status, envelope);
    }

    private static EdgeResponse json(int status, JsonNode body) {
        try {
            return new EdgeResponse(status, "application/json", JsonCodec.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
