package io.berth.ecs;

import io.berth.store.Documents;
import io.berth.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tasks of every account and region, as the task controller reads and writes them. */
public final class TaskRecords {

    private final Store store;

    public TaskRecords(Store store) {
        this.store = store;
    }

    public List<StoredTask> all() {
        return store.read(documents -> {
            List<StoredTask> tasks = new ArrayList<>();
            for (Documents.ScopedDocument document : documents.scan(TaskRepository.KIND)) {
                tasks.add(TaskRepository.read(document.body()));
            }
            return tasks;
        });
    }

    public Optional<StoredTask> get(String taskArn) {
        return store.read(documents -> TaskRepository.find(documents, scopeOf(taskArn),
                clusterNameOf(taskArn), TaskIds.id(taskArn)));
    }

    /**
     * Replaces {@code expected} with {@code next} unless the task was written meanwhile (StopTask
     * may write it at any time), as its revision shows; returns the task as stored, or empty when
     * it changed (or is gone).
     */
    public Optional<StoredTask> replace(StoredTask expected, StoredTask next) {
        String arn = expected.task().taskArn();
        return store.write(documents -> {
            Optional<StoredTask> current = TaskRepository.find(documents, scopeOf(arn), clusterNameOf(arn), TaskIds.id(arn));
            if (current.isEmpty() || current.get().revision() != expected.revision()) {
                return Optional.<StoredTask>empty();
            }
            return Optional.of(TaskRepository.save(documents, scopeOf(arn), next));
        });
    }

    public void delete(StoredTask task) {
        store.write(documents -> {
            TaskRepository.delete(documents, scopeOf(task.task().taskArn()), task);
            MetadataEndpoints.delete(documents, task);
            return null;
        });
    }

    /** A task and the name of its container whose metadata endpoint id this is. */
    public record Located(StoredTask task, String container) {
    }

    /** The container a metadata endpoint id names, while its task is stored. */
    public Optional<Located> byMetadataEndpoint(String endpointId) {
        return store.read(documents -> MetadataEndpoints.find(documents, endpointId).flatMap(target ->
                TaskRepository.find(documents, scopeOf(target.taskArn()), clusterNameOf(target.taskArn()),
                        TaskIds.id(target.taskArn())).map(task -> new Located(task, target.container()))));
    }

    private static String scopeOf(String taskArn) {
        String[] parts = taskArn.split(":", 6);
        return parts[4] + "/" + parts[3];
    }

    /** {@code arn:aws:ecs:R:A:task/CLUSTER/ID} names its cluster in the path. */
    private static String clusterNameOf(String taskArn) {
        String path = taskArn.substring(taskArn.indexOf(":task/") + ":task/".length());
        return path.substring(0, path.indexOf('/'));
    }
}
