package io.berth.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.edge.AgentEndpoint;
import io.berth.edge.EdgeResponse;
import io.berth.edge.json.JsonCodec;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's task protection endpoint: its envelopes, its refusals, and that a task sets only its own protection. */
class TaskProtectionEndpointTest {

    private static final String OWN_ADDRESS = "10.0.1.4";
    private static final String STATE = "/api/app-endpoint/task-protection/v1/state";
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00.123456Z");

    @TempDir
    Path dir;
    Store store;
    final AtomicInteger wakeups = new AtomicInteger();

    @AfterEach
    void close() {
        store.close();
    }

    private TaskProtectionEndpoint endpoint(String group) {
        store = SqliteStore.open(dir.resolve("berth.db"));
        StoredTask task = TaskMetadataDocumentsTest.running(group, List.of());
        store.write(documents -> {
            TaskRepository.save(documents, "123456789012/us-east-1", task);
            MetadataEndpoints.save(documents, task);
            return null;
        });
        return new TaskProtectionEndpoint(new TaskRecords(store), InstantSource.fixed(NOW), wakeups::incrementAndGet,
                true);
    }

    private static EdgeResponse call(AgentEndpoint endpoint, String method, String path, String body, String source) {
        assertThat(endpoint.serves(path)).isTrue();
        return endpoint.serve(new AgentEndpoint.Request(method, path, Map.of(), source,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(EdgeResponse response) throws Exception {
        return JsonCodec.mapper().readTree(response.body());
    }

    @Test
    void aServiceTaskSetsReadsAndClearsItsOwnProtection() throws Exception {
        TaskProtectionEndpoint endpoint = endpoint("service:web");
        String arn = TaskMetadataDocumentsTest.running(null, List.of()).task().taskArn();

        EdgeResponse before = call(endpoint, "GET", STATE, "", OWN_ADDRESS);
        assertThat(before.status()).isEqualTo(200);
        assertThat(json(before).toString())
                .isEqualTo("{\"protection\":{\"ExpirationDate\":null,\"ProtectionEnabled\":false,\"TaskArn\":\""
                        + arn + "\"}}");

        EdgeResponse put = call(endpoint, "PUT", STATE, "{\"ProtectionEnabled\":true,\"ExpiresInMinutes\":60}",
                OWN_ADDRESS);
        assertThat(put.status()).isEqualTo(200);
        assertThat(json(put).toString()).isEqualTo("{\"protection\":{\"ExpirationDate\":\"2026-01-01T11:00:00.123Z\","
                + "\"ProtectionEnabled\":true,\"TaskArn\":\"" + arn + "\"}}");
        assertThat(wakeups).hasValue(1);
        assertThat(new TaskRecords(store).get(arn).orElseThrow().protectedUntil())
                .isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(json(call(endpoint, "GET", STATE, "", OWN_ADDRESS))).isEqualTo(json(put));

        EdgeResponse defaulted = call(endpoint, "PUT", STATE, "{\"ProtectionEnabled\":true}", OWN_ADDRESS);
        assertThat(json(defaulted).at("/protection/ExpirationDate").asText()).isEqualTo("2026-01-01T12:00:00.123Z");
        EdgeResponse cleared = call(endpoint, "PUT", STATE, "{\"ProtectionEnabled\":false}", OWN_ADDRESS);
        assertThat(json(cleared).at("/protection/ExpirationDate").isNull()).isTrue();
        assertThat(new TaskRecords(store).get(arn).orElseThrow().protectedUntil()).isNull();
    }

    @Test
    void aStandaloneTaskGetsEcsFailureInTheAgentsEnvelope() throws Exception {
        TaskProtectionEndpoint endpoint = endpoint(null);
        String arn = TaskMetadataDocumentsTest.running(null, List.of()).task().taskArn();
        String failure = "{\"failure\":{\"Arn\":\"" + arn + "\",\"Detail\":null,\"Reason\":\"TASK_NOT_VALID\"}}";
        assertThat(json(call(endpoint, "GET", STATE, "", OWN_ADDRESS)).toString()).isEqualTo(failure);
        EdgeResponse put = call(endpoint, "PUT", STATE, "{\"ProtectionEnabled\":true}", OWN_ADDRESS);
        assertThat(put.status()).isEqualTo(200);
        assertThat(json(put).toString()).isEqualTo(failure);
        assertThat(new TaskRecords(store).get(arn).orElseThrow().protectedUntil()).isNull();
    }

    @Test
    void badRequestsAndOtherTasksChangeNothing() throws Exception {
        TaskProtectionEndpoint endpoint = endpoint("service:web");
        String arn = TaskMetadataDocumentsTest.running(null, List.of()).task().taskArn();

        EdgeResponse outOfRange = call(endpoint, "PUT", STATE, "{\"ProtectionEnabled\":true,\"ExpiresInMinutes\":2881}",
                OWN_ADDRESS);
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(json(outOfRange).toString()).isEqualTo("{\"error\":{\"Arn\":\"" + arn + "\",\"Code\":"
                + "\"InvalidParameterException\",\"Message\":\"expiresInMinutes must be between 1 and 2880.\"}}");
        String undecodable = "{\"error\":{\"Code\":\"InvalidParameterException\",\"Message\":"
                + "\"UpdateTaskProtection: failed to decode request\"}}";
        for (String body : List.of("{", "", "[]", "{\"ProtectionEnabled\":\"yes\"}", "{\"ExpiresInMinutes\":1.5}",
                "{\"ProtectionEnabled\":true,\"Extra\":1}")) {
            EdgeResponse refused = call(endpoint, "PUT", STATE, body, OWN_ADDRESS);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(json(refused).toString()).as(body).isEqualTo(undecodable);
        }
        EdgeResponse noFlag = call(endpoint, "PUT", STATE, "{\"ExpiresInMinutes\":5}", OWN_ADDRESS);
        assertThat(noFlag.status()).isEqualTo(400);
        assertThat(json(noFlag).toString()).isEqualTo("{\"error\":{\"Arn\":\"" + arn + "\",\"Code\":"
                + "\"InvalidParameterException\",\"Message\":\"Invalid request: does not contain 'ProtectionEnabled' "
                + "field\"}}");
        // Another task's address, or an id no container has: the id is no one's.
        String unknown = "{\"error\":{\"Code\":\"ResourceNotFoundException\",\"Message\":"
                + "\"Failed to find a task for the request\"}}";
        EdgeResponse foreign = call(endpoint, "PUT", STATE, "{\"ProtectionEnabled\":true}", "10.0.1.9");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(json(foreign).toString()).isEqualTo(unknown);
        EdgeResponse nobody = call(endpoint, "GET", "/api/nobody/task-protection/v1/state", "", OWN_ADDRESS);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(json(nobody).toString()).isEqualTo(unknown);
        assertThat(new TaskRecords(store).get(arn).orElseThrow().protectedUntil()).isNull();
        assertThat(wakeups).hasValue(0);

        assertThat(call(endpoint, "POST", STATE, "{\"ProtectionEnabled\":true}", OWN_ADDRESS).status()).isEqualTo(405);
        assertThat(call(endpoint, "GET", "/api/app-endpoint/task-protection/v1", "", OWN_ADDRESS).status())
                .isEqualTo(404);
        assertThat(call(endpoint, "GET", "/api/app-endpoint", "", OWN_ADDRESS).status()).isEqualTo(404);
        assertThat(endpoint.serves("/v4/app-endpoint")).isFalse();
    }
}
