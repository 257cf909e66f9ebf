package io.berth.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.edge.AgentEndpoint;
import io.berth.edge.EdgeResponse;
import io.berth.edge.json.JsonCodec;
import io.berth.runtime.RuntimeUnavailableException;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata endpoint's routes, its refusals as the agent words them, and who may read what. */
class TaskMetadataTest {

    private static final String OWN_ADDRESS = "10.0.1.4";
    private static final String APP_STATS = "{\"id\":\"" + TaskMetadataDocumentsTest.APP_ID + "\",\"cpu_stats\":{}}";

    @TempDir
    Path dir;
    Store store;
    TaskRecords records;
    StoredTask task;

    @BeforeEach
    void storeARunningTask() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        records = new TaskRecords(store);
        task = TaskMetadataDocumentsTest.running(null, List.of());
        store.write(documents -> {
            TaskRepository.save(documents, "123456789012/us-east-1", task);
            MetadataEndpoints.save(documents, task);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TaskMetadata endpoint(boolean tasksHaveInterfaces) {
        return new TaskMetadata(records, id -> {
            if (id.equals(TaskMetadataDocumentsTest.APP_ID)) {
                return Optional.of(APP_STATS);
            }
            throw new RuntimeUnavailableException("no such container", null);
        }, tasksHaveInterfaces);
    }

    private static EdgeResponse get(AgentEndpoint endpoint, String path, String source) {
        assertThat(endpoint.serves(path)).isTrue();
        return endpoint.serve(new AgentEndpoint.Request("GET", path, Map.of(), source, new byte[0]));
    }

    private static String body(EdgeResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(EdgeResponse response) throws Exception {
        return JsonCodec.mapper().readTree(response.body());
    }

    @Test
    void aContainerReadsItsOwnMetadataAndItsTasksFromItsTasksAddress() throws Exception {
        TaskMetadata endpoint = endpoint(true);

        EdgeResponse container = get(endpoint, "/v4/app-endpoint", OWN_ADDRESS);
        EdgeResponse sidecar = get(endpoint, "/v4/sidecar-endpoint", OWN_ADDRESS);
        EdgeResponse taskDocument = get(endpoint, "/v4/sidecar-endpoint/task", OWN_ADDRESS);
        EdgeResponse v3 = get(endpoint, "/v3/app-endpoint/task", OWN_ADDRESS);
        EdgeResponse tagged = get(endpoint, "/v4/app-endpoint/taskWithTags", OWN_ADDRESS);

        assertThat(container.status()).isEqualTo(200);
        assertThat(container.contentType()).isEqualTo("application/json");
        assertThat(json(container).get("Name").asText()).isEqualTo("app");
        assertThat(json(sidecar).get("Name").asText()).isEqualTo("sidecar");
        assertThat(json(taskDocument).get("TaskARN").asText()).isEqualTo(TaskMetadataDocumentsTest.TASK_ARN);
        assertThat(json(v3).has("LaunchType")).isFalse();
        assertThat(tagged.status()).isEqualTo(200);
    }

    @Test
    void statsAreTheRuntimesSampleAndTheTasksAreKeyedByDockerId() throws Exception {
        TaskMetadata endpoint = endpoint(true);

        EdgeResponse stats = get(endpoint, "/v4/app-endpoint/stats", OWN_ADDRESS);
        EdgeResponse taskStats = get(endpoint, "/v4/app-endpoint/task/stats", OWN_ADDRESS);
        EdgeResponse failed = get(endpoint, "/v4/sidecar-endpoint/stats", OWN_ADDRESS);

        assertThat(body(stats)).isEqualTo(APP_STATS);
        assertThat(json(taskStats).get(TaskMetadataDocumentsTest.APP_ID).get("id").asText())
                .isEqualTo(TaskMetadataDocumentsTest.APP_ID);
        assertThat(json(taskStats).get(TaskMetadataDocumentsTest.SIDECAR_ID).isNull()).isTrue();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(body(failed)).isEqualTo("\"Unable to get container stats for: " + TaskMetadataDocumentsTest.SIDECAR_ID + "\"");
    }

    @Test
    void anotherAddressGetsWhatAnUnknownIdGets() {
        TaskMetadata endpoint = endpoint(true);

        EdgeResponse elsewhere = get(endpoint, "/v4/app-endpoint/task", "10.0.1.5");
        EdgeResponse unknown = get(endpoint, "/v4/not-an-id/task", OWN_ADDRESS);

        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(body(elsewhere)).isEqualTo("\"V4 task metadata handler: unable to get task arn from request: "
                + "unable to get task Arn from v3 endpoint ID: app-endpoint\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(get(endpoint, "/v4/app-endpoint/stats", "10.0.1.5").status()).isEqualTo(404);
        assertThat(get(endpoint, "/v4/app-endpoint/task/stats", "10.0.1.5").status()).isEqualTo(404);
    }

    @Test
    void unknownIdsAreRefusedAsTheAgentRefusesThemPerVersionAndPath() {
        TaskMetadata endpoint = endpoint(true);

        assertThat(get(endpoint, "/v4/x", OWN_ADDRESS)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(body(r)).isEqualTo("\"V4 container metadata handler: unable to get container ID from request: "
                    + "unable to get docker ID from v3 endpoint ID: x\"");
        });
        assertThat(get(endpoint, "/v3/x", OWN_ADDRESS).status()).isEqualTo(500);
        assertThat(get(endpoint, "/v3/x/task", OWN_ADDRESS)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(500);
            assertThat(body(r)).isEqualTo("\"V3 task metadata handler: unable to get task arn from request: "
                    + "unable to get task Arn from v3 endpoint ID: x\"");
        });
        assertThat(get(endpoint, "/v3/x/stats", OWN_ADDRESS).status()).isEqualTo(400);
        assertThat(get(endpoint, "/v4/x/task/stats", OWN_ADDRESS)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(body(r)).startsWith("\"V4 task stats handler: unable to get task arn");
        });
    }

    @Test
    void pathsOutsideTheRoutesAndOtherMethodsAreNotServed() {
        TaskMetadata endpoint = endpoint(true);

        assertThat(get(endpoint, "/v4/app-endpoint/tasks", OWN_ADDRESS).status()).isEqualTo(404);
        assertThat(body(get(endpoint, "/v3/app-endpoint/taskWithTags", OWN_ADDRESS))).isEqualTo("404 page not found\n");
        assertThat(get(endpoint, "/v4/", OWN_ADDRESS).status()).isEqualTo(404);
        assertThat(endpoint.serve(new AgentEndpoint.Request("PUT", "/v4/app-endpoint/task", Map.of(), OWN_ADDRESS,
                new byte[0]))
                .status()).isEqualTo(405);
        assertThat(endpoint.serves("/v2/credentials/x")).isFalse();
        assertThat(endpoint.serves("/")).isFalse();
    }

    @Test
    void withoutInterfacesTheSecretIdAloneDecides() {
        assertThat(get(endpoint(false), "/v4/app-endpoint/task", "172.17.0.1").status()).isEqualTo(200);
        assertThat(get(endpoint(false), "/v4/nope/task", "172.17.0.1").status()).isEqualTo(404);
    }

    @Test
    void aPrunedTasksIdsNameNothing() {
        TaskMetadata endpoint = endpoint(true);

        records.delete(task);

        assertThat(get(endpoint, "/v4/app-endpoint/task", OWN_ADDRESS).status()).isEqualTo(404);
        assertThat(records.byMetadataEndpoint("sidecar-endpoint")).isEmpty();
    }
}
