package io.berth.ecs;

import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.store.Store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.berth.ecs.TaskDefinitionRequests.fargate;
import static io.berth.ecs.TaskDefinitionRequests.register;

/** Tasks made and stored without the ECS API, for tests of the loops that act on them. */
public final class StoredTasks {

    private StoredTasks() {
    }

    /** A new task (no network) of a Fargate definition with these containers' JSON, as {@code TaskDefinitionRequests.named} makes them. */
    public static StoredTask launched(String taskArn, Instant at, String... containers) {
        TaskDefinition definition = register(fargate("", containers));
        AtomicInteger ids = new AtomicInteger();
        Cluster cluster = new Cluster("arn:aws:ecs:us-east-1:123456789012:cluster/c", "c", null, "ACTIVE", 0, 0, 0, 0,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        RunTaskRequest request = new RunTaskRequest(null, "c", 1, null, null, null, "FARGATE", null, null, null, null,
                null, null, null, null, null, "web:3", null);
        Task task = TaskLaunch.newTask(taskArn, cluster, definition, definition, request,
                new TaskLaunch.Placement("FARGATE", null), List.of(),
                () -> String.format("%032x", ids.incrementAndGet()), null, "us-east-1a", at);
        return new StoredTask(task, definition, null, null, null, null, 0, null);
    }

    public static String container(String name, String fields) {
        return TaskDefinitionRequests.named(name, fields);
    }

    /** Stores a task as RunTask does; returns it as stored. */
    public static StoredTask save(Store store, StoredTask task) {
        String[] arn = task.task().taskArn().split(":", 6);
        return store.write(documents -> TaskRepository.save(documents, arn[4] + "/" + arn[3], task));
    }
}
