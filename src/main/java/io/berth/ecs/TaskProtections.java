package io.berth.ecs;

import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.GetTaskProtectionRequest;
import io.berth.ecs.model.ProtectedTask;
import io.berth.ecs.model.TaskProtectionResponse;
import io.berth.ecs.model.UpdateTaskProtectionRequest;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Task scale-in protection: UpdateTaskProtection and GetTaskProtection, and the rules the agent's
 * task protection endpoint shares with them. Only a service's tasks can be protected, as ECS answers
 * TASK_NOT_VALID for a standalone task. Protection is stored with the task as the instant it ends;
 * once that instant is past the task is unprotected, with nothing to clear.
 */
public final class TaskProtections {

    static final int DEFAULT_MINUTES = 120;
    static final int MAX_MINUTES = 2880;
    static final int MAX_UPDATED = 10;
    static final int MAX_READ = 100;

    private final Store store;
    private final Runnable servicesChanged;

    /** @param servicesChanged wakes the service scheduler: a task no longer protected may be scaled in now */
    public TaskProtections(Store store, Runnable servicesChanged) {
        this.store = store;
        this.servicesChanged = servicesChanged;
    }

    public TaskProtectionResponse updateTaskProtection(RequestContext context, UpdateTaskProtectionRequest request) {
        tasksNamed(request.tasks(), MAX_UPDATED);
        Instant until = until(request.protectionEnabled(), request.expiresInMinutes(), context.receivedAt());
        String scope = Scope.of(context).key();
        TaskProtectionResponse response = store.write(documents -> eachTask(documents, context, request.cluster(),
                request.tasks(), stored -> view(TaskRepository.save(documents, scope, stored.withProtection(until)),
                        context.receivedAt())));
        servicesChanged.run();
        return response;
    }

    public TaskProtectionResponse getTaskProtection(RequestContext context, GetTaskProtectionRequest request) {
        tasksNamed(request.tasks(), MAX_READ);
        return store.read(documents -> eachTask(documents, context, request.cluster(), request.tasks(),
                stored -> view(stored, context.receivedAt())));
    }

    /** Each named task of the cluster shown by {@code shown}, or ECS's failure for it. */
    private static TaskProtectionResponse eachTask(Documents documents, RequestContext context, String clusterRef,
                                                   List<String> tasks, Function<StoredTask, ProtectedTask> shown) {
        Cluster cluster = Clusters.active(documents, context, clusterRef);
        List<ProtectedTask> protectedTasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : tasks) {
            Optional<StoredTask> stored = Tasks.find(documents, context, cluster, ref);
            Optional<Failure> failure = failure(stored, arn(context, cluster, ref));
            if (failure.isPresent()) {
                failures.add(failure.get());
            } else {
                protectedTasks.add(shown.apply(stored.get()));
            }
        }
        return new TaskProtectionResponse(protectedTasks, failures);
    }

    /** Refuses a request naming no task, or more than {@code max}. */
    static void tasksNamed(List<String> tasks, int max) {
        if (tasks == null || tasks.isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (tasks.size() > max) {
            throw EcsErrors.invalidParameter("Tasks cannot have more than " + max + " elements.");
        }
    }

    /**
     * When protection set at {@code now} ends: {@code expiresInMinutes} later (120 by default), or
     * null when protection is being turned off.
     *
     * @throws AwsException InvalidParameterException for a missing flag or a duration out of range
     */
    static Instant until(Boolean protectionEnabled, Integer expiresInMinutes, Instant now) {
        if (protectionEnabled == null) {
            throw EcsErrors.invalidParameter("protectionEnabled can not be null.");
        }
        if (expiresInMinutes != null && (expiresInMinutes < 1 || expiresInMinutes > MAX_MINUTES)) {
            throw EcsErrors.invalidParameter("expiresInMinutes must be between 1 and " + MAX_MINUTES + ".");
        }
        if (!protectionEnabled) {
            return null;
        }
        return now.plus(Duration.ofMinutes(expiresInMinutes == null ? DEFAULT_MINUTES : expiresInMinutes));
    }

    /** Why a task cannot be protected: it is not there, or it is not a service's. */
    static Optional<Failure> failure(Optional<StoredTask> task, String arn) {
        if (task.isEmpty()) {
            return Optional.of(new Failure(arn, "MISSING", null));
        }
        String group = task.get().task().group();
        if (group == null || !group.startsWith("service:")) {
            return Optional.of(new Failure(task.get().task().taskArn(), "TASK_NOT_VALID", null));
        }
        return Optional.empty();
    }

    /** The task's protection as ECS shows it at {@code now}: an expired protection shows as none. */
    static ProtectedTask view(StoredTask task, Instant now) {
        boolean on = task.protectedAt(now);
        return new ProtectedTask(task.task().taskArn(), on, on ? task.protectedUntil() : null);
    }

    private static String arn(RequestContext context, Cluster cluster, String ref) {
        return ref.startsWith("arn:") ? ref : EcsArns.of(context, "task/" + cluster.clusterName() + "/" + ref);
    }
}
