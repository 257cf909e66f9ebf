package io.berth.ecs;

import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The ids in containers' metadata endpoint URIs, each naming one container of one task: a
 * secret of 128 random bits, so a task can name only its own containers. Kept in the store
 * beside the tasks (written with the task, deleted with it), so a request finds its task with
 * two reads by key whatever the number of tasks.
 */
final class MetadataEndpoints {

    private static final String KIND = "ecs.metadata-endpoint";
    /** The ids are unique across accounts and regions: the request names neither. */
    private static final String SCOPE = "global";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Target(String taskArn, String container) implements StoredDocument {
    }

    private MetadataEndpoints() {
    }

    static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static void save(Documents documents, StoredTask task) {
        for (AgentContainer container : task.agentContainers()) {
            documents.put(KIND, SCOPE, container.endpointId(),
                    StoredJson.write(new Target(task.task().taskArn(), container.name())));
        }
    }

    static Optional<Target> find(Documents documents, String endpointId) {
        return documents.get(KIND, SCOPE, endpointId).map(json -> StoredJson.read(json, Target.class));
    }

    static void delete(Documents documents, StoredTask task) {
        for (AgentContainer container : task.agentContainers()) {
            documents.delete(KIND, SCOPE, container.endpointId());
        }
    }
}
