package io.berth.ecs;

import io.berth.store.StoredJson;
import io.berth.store.Documents;

import java.util.List;
import java.util.Optional;

/** Tasks in the store. Ids are "cluster taskId", so one cluster's tasks list by prefix. */
final class TaskRepository {

    static final String KIND = "ecs.task";

    private TaskRepository() {
    }

    static Optional<StoredTask> find(Documents documents, String scope, String cluster, String taskId) {
        return documents.get(KIND, scope, cluster + " " + taskId).map(json -> StoredJson.read(json, StoredTask.class));
    }

    /** Stores the task as its next revision, and returns what was stored. */
    static StoredTask save(Documents documents, String scope, StoredTask task) {
        StoredTask next = task.nextRevision();
        documents.put(KIND, scope, next.clusterName() + " " + next.id(), StoredJson.write(next));
        return next;
    }

    static void delete(Documents documents, String scope, StoredTask task) {
        documents.delete(KIND, scope, task.clusterName() + " " + task.id());
    }

    static List<StoredTask> page(Documents documents, String scope, String cluster, String afterTaskId, int limit) {
        String after = afterTaskId == null ? null : cluster + " " + afterTaskId;
        return documents.list(new Documents.Query(KIND, scope, cluster + " ", after, limit, false)).stream()
                .map(d -> StoredJson.read(d.body(), StoredTask.class)).toList();
    }

    static List<StoredTask> all(Documents documents, String scope) {
        return documents.list(Documents.Query.all(KIND, scope)).stream()
                .map(d -> StoredJson.read(d.body(), StoredTask.class)).toList();
    }
}
