package io.berth.ecs;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.ClusterConfiguration;
import io.berth.ecs.model.ClusterSetting;
import io.berth.ecs.model.ExecuteCommandConfiguration;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.TaskDefinition;
import io.berth.edge.json.JsonCodec;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import io.berth.store.StoredJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS's stored documents: what an older Berth wrote (its wire records, through the edge's mapper)
 * still reads the same, and what this Berth writes keeps that shape, adding only its schema.
 */
class EcsDocumentsTest {

    private static final String SCOPE = "123456789012/us-east-1";
    private static final Instant AT = Instant.parse("2025-05-06T07:08:09.123456789Z");

    /** Reads numbers as written, so comparing trees compares every digit of a timestamp. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @TempDir
    Path dir;

    @Test
    void aTaskStoredByAnOlderBerthReadsTheSameAndKeepsItsShape() throws Exception {
        StoredTask launched = StoredTasks.launched("arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef",
                AT, StoredTasks.container("app", "'portMappings':[{'containerPort':80}]"));
        StoredTask task = new StoredTask(launched.task(), launched.definition(), "sandbox-1",
                new ResolvedNetwork("vpc-1", "172.31.0.0/16", "subnet-1", "172.31.0.0/20", "us-east-1a",
                        "172.31.0.1", List.of("sg-1", "sg-2")),
                "secret", List.of(new AgentContainer("app", "e1", AT, AT.plusSeconds(1), null)), 4, null);
        String old = JsonCodec.mapper().writeValueAsString(task);

        try (Store store = SqliteStore.open(dir.resolve("berth.db"))) {
            store.write(documents -> {
                documents.put(TaskRepository.KIND, SCOPE, "c " + task.id(), old);
                return null;
            });
            StoredTask read = new TaskRecords(store).get(task.task().taskArn()).orElseThrow();
            assertThat(read).isEqualTo(task);

            StoredTask saved = store.write(documents -> TaskRepository.save(documents, SCOPE, read));
            String written = store.read(documents -> documents.get(TaskRepository.KIND, SCOPE, "c " + task.id()))
                    .orElseThrow();
            assertThat(withoutSchema(written)).isEqualTo(tree(old).put("revision", 5));
            assertThat(tree(written).get("schema").asInt()).isEqualTo(TaskDocument.SCHEMA);
            assertThat(TaskRepository.read(written)).isEqualTo(saved);
        }
    }

    @Test
    void aTaskStoredBeforeAgentContainersAndRevisionsReadsWithNone() throws Exception {
        StoredTask launched = StoredTasks.launched("arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef",
                AT, StoredTasks.container("app", ""));
        ObjectNode old = tree(JsonCodec.mapper().writeValueAsString(launched));
        old.remove(List.of("agentContainers", "revision"));

        StoredTask read = TaskRepository.read(old.toString());

        assertThat(read.agentContainers()).isEmpty();
        assertThat(read.revision()).isZero();
        assertThat(read.task()).isEqualTo(launched.task());
    }

    @Test
    void aTaskDefinitionKeepsEveryMemberTheUserSentAsAnOlderBerthStoredIt() throws Exception {
        TaskDefinition definition = register(fargate("", StoredTasks.container("app",
                "'environment':[{'name':'A','value':'1'}],'healthCheck':{'command':['CMD','true'],'retries':2}")));
        StoredTaskDefinition stored = new StoredTaskDefinition(definition, List.of(new Tag("team", "web")));
        String old = JsonCodec.mapper().writeValueAsString(stored);

        try (Store store = SqliteStore.open(dir.resolve("berth.db"))) {
            store.write(documents -> {
                documents.put("ecs.task-definition", SCOPE, TaskDefinitionRepository.id("web", 3), old);
                return null;
            });
            StoredTaskDefinition read = store.read(documents ->
                    TaskDefinitionRepository.find(documents, SCOPE, "web", 3)).orElseThrow();
            assertThat(read).isEqualTo(stored);

            store.write(documents -> {
                TaskDefinitionRepository.save(documents, SCOPE, read);
                return null;
            });
            String written = store.read(documents -> documents.get("ecs.task-definition", SCOPE,
                    TaskDefinitionRepository.id("web", 3))).orElseThrow();
            assertThat(withoutSchema(written)).isEqualTo(tree(old));
        }
    }

    @Test
    void aTaskDefinitionWithoutTagsStaysWithoutTags() {
        TaskDefinition definition = register(fargate("", StoredTasks.container("app", "")));
        try (Store store = SqliteStore.open(dir.resolve("berth.db"))) {
            StoredTaskDefinition read = store.write(documents -> {
                TaskDefinitionRepository.save(documents, SCOPE, new StoredTaskDefinition(definition, null));
                return TaskDefinitionRepository.find(documents, SCOPE, "web", 3).orElseThrow();
            });
            assertThat(read.tags()).isNull();
            assertThat(read.taskDefinition()).isEqualTo(definition);
        }
    }

    /** Written by hand as Berth 0.x stored it, with a member of a later AWS model this Berth does not know. */
    @Test
    void aTaskDefinitionDocumentWithUnknownMembersStillReads() {
        String old = """
                {"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
                "containerDefinitions":[{"name":"app","image":"busybox","essential":true,"futureMember":{"x":1}}],
                "family":"web","revision":3,"status":"ACTIVE","registeredAt":1746515289.123456789},
                "tags":[{"key":"team","value":"web"}],"futureDocumentMember":true}""";

        StoredTaskDefinition read = TaskDefinitionRepository.read(old);

        assertThat(read.taskDefinition().containerDefinitions().getFirst().image()).isEqualTo("busybox");
        assertThat(read.taskDefinition().registeredAt()).isEqualTo(AT);
        assertThat(read.tags()).containsExactly(new Tag("team", "web"));
    }

    @Test
    void aClusterStoredByAnOlderBerthReadsTheSameAndKeepsItsShape() throws Exception {
        Cluster cluster = new Cluster("arn:aws:ecs:us-east-1:123456789012:cluster/c", "c",
                new ClusterConfiguration(new ExecuteCommandConfiguration(null, "DEFAULT", null), null), "ACTIVE",
                0, 1, 2, 0, List.of(new KeyValuePair("k", "v")), List.of(new Tag("team", "web")),
                List.of(new ClusterSetting("containerInsights", "enabled")), List.of("FARGATE"),
                List.of(new CapacityProviderStrategyItem("FARGATE", 1, 0)),
                List.of(new Attachment("a-1", "as_policy", "CREATED", List.of(new KeyValuePair("n", "v")))),
                "UPDATE_COMPLETE", null);
        String old = JsonCodec.mapper().writeValueAsString(cluster);

        Cluster read = ClusterRepository.read(old);

        assertThat(read).isEqualTo(cluster);
        assertThat(withoutSchema(StoredJson.write(ClusterRepository.document(read)))).isEqualTo(tree(old));
    }

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) EXACT.readTree(json);
    }

    private static JsonNode withoutSchema(String json) throws Exception {
        ObjectNode tree = tree(json);
        tree.remove("schema");
        return tree;
    }
}
