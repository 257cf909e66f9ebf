package io.berth.ecs;

import io.berth.ec2.Networks;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.AwsVpcConfiguration;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.DescribeTasksRequest;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.ListTasksRequest;
import io.berth.ecs.model.ListTasksResponse;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.StartTaskRequest;
import io.berth.ecs.model.StopTaskRequest;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.ecs.model.TaskResponse;
import io.berth.ecs.model.TasksResponse;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.edge.json.JsonCodec;
import io.berth.kit.Arn;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The ECS task operations: RunTask, StartTask, StopTask, DescribeTasks, ListTasks. */
public final class Tasks {

    static final String NO_CAPACITY = "Capacity is unavailable at this time. Please try again later or in a "
            + "different availability zone";
    private static final Set<String> DESIRED_STATUSES = Set.of("RUNNING", "PENDING", "STOPPED");

    private final Store store;
    private final IdGenerator ids;
    private final BooleanSupplier capacityAvailable;
    private final TaskSignal signal;
    private final Networks networks;

    public Tasks(Store store, IdGenerator ids, BooleanSupplier capacityAvailable, TaskSignal signal, Networks networks) {
        this.store = store;
        this.ids = ids;
        this.capacityAvailable = capacityAvailable;
        this.signal = signal;
        this.networks = networks;
    }

    public TasksResponse runTask(RequestContext context, RunTaskRequest request) {
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > 10) {
            throw EcsErrors.invalidParameter("count must be between 1 and 10.");
        }
        if (request.clientToken() != null && (request.clientToken().isEmpty() || request.clientToken().length() > 64)) {
            throw EcsErrors.invalidParameter("clientToken must be between 1 and 64 characters.");
        }
        if (request.taskDefinition() == null || request.taskDefinition().isEmpty()) {
            throw EcsErrors.invalidParameter("taskDefinition can not be blank.");
        }
        String scope = Scope.of(context).key();
        ResolvedNetwork network = resolveNetwork(context, request);
        TasksResponse response = store.write(documents -> {
            Cluster cluster = Clusters.forLaunch(documents, context, request.cluster());
            if (request.clientToken() != null) {
                Optional<RunTokens.RunToken> used = RunTokens.find(documents, scope, request.clientToken(), context.receivedAt());
                if (used.isPresent()) {
                    return replay(documents, scope, used.get(), fingerprint(request));
                }
            }
            StoredTaskDefinition registered = TaskDefinitions.resolve(documents, context, request.taskDefinition())
                    .orElseThrow(() -> EcsErrors.invalidParameter("TaskDefinition not found."));
            TaskDefinition definition = registered.taskDefinition();
            TaskLaunch.validate(request, definition);
            TaskDefinition launched = TaskLaunch.applyOverrides(definition, request.overrides());
            List<TaskLaunch.Placement> placements = TaskLaunch.placements(request, cluster, count);
            if (!capacityAvailable.getAsBoolean()) {
                List<Failure> failures = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    failures.add(new Failure(null, NO_CAPACITY, null));
                }
                return new TasksResponse(List.of(), failures);
            }
            List<Tag> tags = TaskLaunch.tags(request, registered.tags(), cluster.clusterName());
            List<Task> tasks = new ArrayList<>();
            for (TaskLaunch.Placement placement : placements) {
                tasks.add(launch(documents, context, cluster, definition, launched, request, placement, tags, ids,
                        network, ids.next()));
            }
            if (request.clientToken() != null) {
                RunTokens.save(documents, scope, request.clientToken(), new RunTokens.RunToken(fingerprint(request),
                        tasks.stream().map(Task::taskArn).toList(), context.receivedAt()));
            }
            return new TasksResponse(tasks, List.of());
        });
        signal.taskChanged();
        return response;
    }

    /**
     * Creates and stores one PROVISIONING task with this id, for the task controller to start: RunTask's
     * launch, and the service scheduler's.
     */
    static Task launch(Documents documents, RequestContext context, Cluster cluster, TaskDefinition registered,
                       TaskDefinition launched, RunTaskRequest request, TaskLaunch.Placement placement, List<Tag> tags,
                       IdGenerator ids, ResolvedNetwork network, String taskId) {
        String taskArn = EcsArns.of(context, "task/" + cluster.clusterName() + "/" + taskId);
        Task task = TaskLaunch.newTask(taskArn, cluster, launched, registered, request, placement, tags, ids,
                network, context.region() + "a", context.receivedAt());
        StoredTask stored = new StoredTask(task, launched, null, network, TaskCredentials.newToken(),
                launched.containerDefinitions().stream()
                        .map(c -> AgentContainer.launched(c.name(), MetadataEndpoints.newId())).toList(), 0, null);
        TaskRepository.save(documents, Scope.of(context).key(), stored);
        MetadataEndpoints.save(documents, stored);
        return task;
    }

    /** Where the tasks' interfaces go, checked against the EC2 state as ECS checks them; null without awsvpc. */
    private ResolvedNetwork resolveNetwork(RequestContext context, RunTaskRequest request) {
        if (request.networkConfiguration() == null || request.networkConfiguration().awsvpcConfiguration() == null) {
            return null;
        }
        AwsVpcConfiguration awsvpc = request.networkConfiguration().awsvpcConfiguration();
        TaskLaunch.validate(awsvpc);
        return networks.resolveForTask(context.accountId(), context.region(), awsvpc.subnets(),
                awsvpc.securityGroups() == null ? List.of() : awsvpc.securityGroups());
    }

    /** A repeated RunTask with a used client token: the same tasks if the parameters match. */
    private static TasksResponse replay(Documents documents, String scope, RunTokens.RunToken used, String fingerprint) {
        if (!used.fingerprint().equals(fingerprint)) {
            throw new AwsException("ConflictException", 400,
                    "The specified client token has already been used with different parameters.");
        }
        List<Task> tasks = new ArrayList<>();
        for (String arn : used.taskArns()) {
            String path = arn.substring(arn.indexOf(":task/") + ":task/".length());
            TaskRepository.find(documents, scope, path.substring(0, path.indexOf('/')), TaskIds.id(arn))
                    .ifPresent(stored -> tasks.add(stored.task()));
        }
        return new TasksResponse(tasks, List.of());
    }

    public TasksResponse startTask(RequestContext context, StartTaskRequest request) {
        if (request.containerInstances() == null || request.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("Container instances cannot be empty.");
        }
        if (request.containerInstances().size() > 10) {
            throw EcsErrors.invalidParameter("Container instances cannot have more than 10 elements.");
        }
        store.read(documents -> Clusters.active(documents, context, request.cluster()));
        // Fargate has no container instances to place a task on: each one named is missing.
        return new TasksResponse(List.of(), request.containerInstances().stream()
                .map(instance -> new Failure(instance, "MISSING", null)).toList());
    }

    public TaskResponse stopTask(RequestContext context, StopTaskRequest request) {
        if (request.task() == null || request.task().isEmpty()) {
            throw EcsErrors.invalidParameter("task can not be blank.");
        }
        if (request.reason() != null && request.reason().length() > 255) {
            throw EcsErrors.invalidParameter("reason must be at most 255 characters.");
        }
        String scope = Scope.of(context).key();
        TaskResponse response = store.write(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            StoredTask stored = find(documents, context, cluster, request.task())
                    .orElseThrow(() -> EcsErrors.invalidParameter("The referenced task was not found."));
            StoredTask stopping = TaskLifecycle.stopRequested(stored, "UserInitiated",
                    request.reason() == null ? "Task stopped by user" : request.reason(), context.receivedAt());
            TaskRepository.save(documents, scope, stopping);
            return new TaskResponse(stopping.task());
        });
        signal.taskChanged();
        return response;
    }

    public TasksResponse describeTasks(RequestContext context, DescribeTasksRequest request) {
        List<String> refs = request.tasks() == null ? List.of() : request.tasks();
        if (refs.isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (refs.size() > 100) {
            throw EcsErrors.invalidParameter("Tasks cannot have more than 100 elements.");
        }
        boolean withTags = request.include() != null && request.include().contains("TAGS");
        return store.read(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            List<Task> tasks = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                Optional<StoredTask> stored = find(documents, context, cluster, ref);
                if (stored.isPresent()) {
                    Task task = stored.get().task();
                    tasks.add(withTags ? task : TaskViews.withoutTags(task));
                } else {
                    failures.add(new Failure(ref.startsWith("arn:") ? ref
                            : EcsArns.of(context, "task/" + cluster.clusterName() + "/" + ref), "MISSING", null));
                }
            }
            return new TasksResponse(tasks, failures);
        });
    }

    public ListTasksResponse listTasks(RequestContext context, ListTasksRequest request) {
        int limit = Pagination.maxResults(request.maxResults(), 100);
        String desired = request.desiredStatus() == null ? "RUNNING" : request.desiredStatus();
        if (!DESIRED_STATUSES.contains(desired)) {
            throw EcsErrors.invalidParameter("desiredStatus must be one of RUNNING, PENDING, STOPPED.");
        }
        String scope = Scope.of(context).key();
        PageTokens.Page<StoredTask> page = store.read(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            return Pagination.TOKENS.page(request.nextToken(), limit,
                    (after, size) -> TaskRepository.page(documents, scope, cluster.clusterName(), after, size),
                    stored -> matches(stored.task(), request, desired), StoredTask::id);
        });
        return new ListTasksResponse(page.items().stream().map(s -> s.task().taskArn()).toList(), page.nextToken());
    }

    private static boolean matches(Task task, ListTasksRequest request, String desired) {
        boolean desiredMatches = desired.equals("PENDING")
                ? "RUNNING".equals(task.desiredStatus()) && !"RUNNING".equals(task.lastStatus())
                : desired.equals(task.desiredStatus());
        return desiredMatches
                && (request.family() == null || familyOf(task).equals(request.family()))
                && (request.startedBy() == null || request.startedBy().equals(task.startedBy()))
                && (request.serviceName() == null || ("service:" + request.serviceName()).equals(task.group()))
                && (request.launchType() == null || request.launchType().equals(task.launchType()));
    }

    private static String familyOf(Task task) {
        String definition = task.taskDefinitionArn();
        String familyRevision = definition.substring(definition.indexOf(":task-definition/") + ":task-definition/".length());
        return familyRevision.substring(0, familyRevision.lastIndexOf(':'));
    }

    /** A task named by ARN or id within a cluster. */
    static Optional<StoredTask> find(Documents documents, RequestContext context, Cluster cluster, String ref) {
        String id = ref;
        if (ref.startsWith("arn:")) {
            Optional<Arn> arn = EcsArns.parse(ref)
                    .filter(a -> a.resourceType().equals("task") && EcsArns.local(a, context));
            if (arn.isEmpty()) {
                return Optional.empty();
            }
            String path = arn.get().resourceId();
            int slash = path.indexOf('/');
            if (slash < 0 || !path.substring(0, slash).equals(cluster.clusterName())) {
                return Optional.empty();
            }
            id = path.substring(slash + 1);
        }
        if (!TaskIds.isTaskId(id)) {
            return Optional.empty();
        }
        return TaskRepository.find(documents, Scope.of(context).key(), cluster.clusterName(), id);
    }

    private static String fingerprint(RunTaskRequest request) {
        try {
            byte[] canonical = JsonCodec.mapper().writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
