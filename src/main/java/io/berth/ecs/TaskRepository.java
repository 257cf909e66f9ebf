package io.berth.ecs;

import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.store.Documents;
import io.berth.store.EmbeddedJson;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;

/**
 * Tasks in the store, as {@link TaskDocument}s. Ids are "cluster taskId", so one cluster's tasks
 * list by prefix.
 */
final class TaskRepository {

    static final String KIND = "ecs.task";

    private TaskRepository() {
    }

    static Optional<StoredTask> find(Documents documents, String scope, String cluster, String taskId) {
        return documents.get(KIND, scope, cluster + " " + taskId).map(TaskRepository::read);
    }

    /** Stores the task as its next revision, and returns what was stored. */
    static StoredTask save(Documents documents, String scope, StoredTask task) {
        StoredTask next = task.nextRevision();
        documents.put(KIND, scope, next.clusterName() + " " + next.id(), StoredJson.write(document(next)));
        return next;
    }

    static void delete(Documents documents, String scope, StoredTask task) {
        documents.delete(KIND, scope, task.clusterName() + " " + task.id());
    }

    static List<StoredTask> page(Documents documents, String scope, String cluster, String afterTaskId, int limit) {
        String after = afterTaskId == null ? null : cluster + " " + afterTaskId;
        return documents.list(new Documents.Query(KIND, scope, cluster + " ", after, limit, false)).stream()
                .map(d -> read(d.body())).toList();
    }

    static List<StoredTask> all(Documents documents, String scope) {
        return documents.list(Documents.Query.all(KIND, scope)).stream().map(d -> read(d.body())).toList();
    }

    static StoredTask read(String json) {
        TaskDocument document = StoredJson.read(json, TaskDocument.class);
        TaskDocument.Network network = document.network();
        return new StoredTask(EmbeddedJson.read(document.task(), Task.class),
                EmbeddedJson.read(document.definition(), TaskDefinition.class), document.sandboxId(),
                network == null ? null : new ResolvedNetwork(network.vpcId(), network.vpcCidr(),
                        network.subnetId(), network.subnetCidr(), network.availabilityZone(), network.gateway(),
                        network.securityGroupIds()),
                document.credentialsToken(),
                document.agentContainers().stream().map(c -> new AgentContainer(c.name(), c.endpointId(),
                        c.createdAt(), c.startedAt(), c.finishedAt())).toList(),
                document.revision(), document.protectedUntil());
    }

    static TaskDocument document(StoredTask task) {
        ResolvedNetwork network = task.network();
        return new TaskDocument(TaskDocument.SCHEMA, EmbeddedJson.of(task.task()), EmbeddedJson.of(task.definition()),
                task.sandboxId(),
                network == null ? null : new TaskDocument.Network(network.vpcId(), network.vpcCidr(),
                        network.subnetId(), network.subnetCidr(), network.availabilityZone(), network.gateway(),
                        network.securityGroupIds()),
                task.credentialsToken(),
                task.agentContainers().stream().map(c -> new TaskDocument.Container(c.name(), c.endpointId(),
                        c.createdAt(), c.startedAt(), c.finishedAt())).toList(),
                task.revision(), task.protectedUntil());
    }
}
