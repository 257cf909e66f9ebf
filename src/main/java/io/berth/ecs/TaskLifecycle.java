package io.berth.ecs;

import io.berth.ec2.Eni;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.Container;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.ContainerDependency;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS task lifecycle as a pure function: from a stored task and what the runtime really
 * has for it, the task as ECS should now report it and the one effect that moves it on. The
 * controller persists the task, performs the effect and steps again; every step is safe to
 * repeat, so a crash at any instant only repeats work.
 */
public final class TaskLifecycle {

    public static final String LABEL_IMAGE_DIGEST = "io.berth.image-digest";
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_STOP_TIMEOUT = Duration.ofSeconds(120);
    static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    private TaskLifecycle() {
    }

    public record Step(StoredTask task, TaskEffect effect) {
    }

    public static Step step(StoredTask observedTask, Observation seen, Instant now, Duration retention) {
        StoredTask stored = observeTimes(observedTask, seen, now);
        TaskEditor task = TaskEditor.of(stored.task());
        TaskStatus last = TaskStatus.valueOf(task.lastStatus);
        syncContainers(task, stored, seen);
        task.healthStatus = taskHealth(task.containers, stored);
        String sandboxId = seen.sandbox().map(ContainerStatus::id).orElse(stored.sandboxId());

        if (last == TaskStatus.STOPPED) {
            boolean expired = task.stoppedAt != null && task.stoppedAt.plus(retention).isBefore(now);
            return new Step(stored.withTask(task.build()), expired ? new TaskEffect.Prune() : new TaskEffect.Wait());
        }
        if (!"STOPPED".equals(task.desiredStatus)) {
            detectUnplannedStop(task, stored, seen, last, now);
        }
        if ("STOPPED".equals(task.desiredStatus)) {
            return stopping(task, stored.withSandbox(sandboxId), seen, last, now);
        }
        return switch (last) {
            case PROVISIONING -> provisioning(task, stored, seen, now);
            case PENDING -> pending(task, stored, seen, now);
            case ACTIVATING, RUNNING -> activating(task, stored, seen, last, now);
            default -> throw new IllegalStateException("task " + task.taskArn + " is " + last + " yet desired RUNNING");
        };
    }

    /** The task after its start failed: it stops, and says why as ECS does. */
    public static StoredTask failedToStart(StoredTask stored, String reason, String containerName, Instant now) {
        TaskEditor task = TaskEditor.of(stored.task());
        if (containerName != null) {
            task.containers = edit(task.containers, containerName, c -> c.reason = reason);
        }
        requestStop(task, "TaskFailedToStart", reason, now);
        return stored.withTask(task.build());
    }

    /**
     * The task once its interface is wired: the attachment and every container report it, and the
     * task moves on to PENDING in the same write.
     */
    public static StoredTask networkAttached(StoredTask stored, Eni eni, Instant now) {
        TaskEditor task = TaskEditor.of(stored.task());
        task.attachments = TaskAttachments.attached(task.attachments, eni);
        task.containers = TaskAttachments.withInterface(task.containers, eni);
        connect(task, now);
        return stored.withTask(task.build());
    }

    public static StoredTask networkReleased(StoredTask stored) {
        TaskEditor task = TaskEditor.of(stored.task());
        task.attachments = TaskAttachments.detached(task.attachments);
        return stored.withTask(task.build());
    }

    /** The task's interface attachment, when it has one. */
    public static Optional<Attachment> networkAttachment(StoredTask stored) {
        return TaskAttachments.eni(stored.task().attachments());
    }

    /** The task after StopTask; a task already stopping keeps the reason it has. */
    public static StoredTask stopRequested(StoredTask stored, String stopCode, String reason, Instant now) {
        TaskEditor task = TaskEditor.of(stored.task());
        if ("STOPPED".equals(task.desiredStatus)) {
            return stored;
        }
        requestStop(task, stopCode, reason, now);
        return stored.withTask(task.build());
    }

    private static void requestStop(TaskEditor task, String stopCode, String reason, Instant now) {
        task.desiredStatus = "STOPPED";
        task.stopCode = stopCode;
        task.stoppedReason = reason;
        task.stoppingAt = now;
        task.version = task.version + 1;
    }

    private static Step provisioning(TaskEditor task, StoredTask stored, Observation seen, Instant now) {
        Optional<ContainerStatus> sandbox = seen.sandbox();
        if (sandbox.isEmpty()) {
            return new Step(stored.withTask(task.build()), new TaskEffect.StartSandbox());
        }
        boolean unwired = TaskAttachments.eni(task.attachments)
                .filter(a -> TaskAttachments.PRECREATED.equals(a.status())).isPresent();
        if (unwired) {
            return new Step(stored.withTask(task.build()).withSandbox(sandbox.get().id()),
                    new TaskEffect.AttachNetwork(sandbox.get().id()));
        }
        connect(task, now);
        return new Step(stored.withTask(task.build()).withSandbox(sandbox.get().id()), new TaskEffect.Wait());
    }

    /** Provisioned: the sandbox (and the interface, for awsvpc) are there. */
    private static void connect(TaskEditor task, Instant now) {
        moveTo(task, TaskStatus.PENDING);
        task.connectivity = "CONNECTED";
        task.connectivityAt = now;
    }

    private static Step pending(TaskEditor task, StoredTask stored, Observation seen, Instant now) {
        List<String> missing = stored.definition().containerDefinitions().stream()
                .map(ContainerDefinition::name).filter(name -> !seen.containers().containsKey(name)).toList();
        if (!missing.isEmpty()) {
            if (task.pullStartedAt == null) {
                task.pullStartedAt = now;
            }
            return new Step(stored.withTask(task.build()), new TaskEffect.CreateContainers(missing));
        }
        if (task.pullStartedAt == null) {
            task.pullStartedAt = now;
        }
        task.pullStoppedAt = now;
        moveTo(task, TaskStatus.ACTIVATING);
        return new Step(stored.withTask(task.build()), new TaskEffect.Wait());
    }

    private static Step activating(TaskEditor task, StoredTask stored, Observation seen, TaskStatus last, Instant now) {
        List<String> startable = new ArrayList<>();
        for (ContainerDefinition container : stored.definition().containerDefinitions()) {
            ContainerStatus status = seen.containers().get(container.name());
            if (status == null || status.state() != ContainerStatus.State.CREATED) {
                continue;
            }
            Readiness readiness = dependenciesOf(container, seen, stored);
            if (readiness == Readiness.NEVER) {
                String reason = "Container " + container.name() + " cannot start: a container it depends on did not "
                        + "reach the condition it needs";
                requestStop(task, "TaskFailedToStart", reason, now);
                return stopping(task, stored, seen, last, now);
            }
            if (readiness == Readiness.READY) {
                startable.add(container.name());
            }
        }
        if (last == TaskStatus.ACTIVATING && essentialsStarted(stored, seen)) {
            moveTo(task, TaskStatus.RUNNING);
            task.startedAt = now;
        }
        TaskEffect effect = startable.isEmpty() ? new TaskEffect.Wait() : new TaskEffect.StartContainers(startable);
        return new Step(stored.withTask(task.build()), effect);
    }

    private static Step stopping(TaskEditor task, StoredTask stored, Observation seen, TaskStatus last, Instant now) {
        switch (last) {
            case PROVISIONING, PENDING, ACTIVATING, RUNNING -> {
                moveTo(task, TaskStatus.DEACTIVATING);
                if (task.stoppingAt == null) {
                    task.stoppingAt = now;
                }
                return new Step(stored.withTask(task.build()), new TaskEffect.Wait());
            }
            case DEACTIVATING -> {
                moveTo(task, TaskStatus.STOPPING);
                return new Step(stored.withTask(task.build()), stopRunning(stored, seen));
            }
            case STOPPING -> {
                TaskEffect stop = stopRunning(stored, seen);
                if (stop instanceof TaskEffect.StopContainers) {
                    return new Step(stored.withTask(task.build()), stop);
                }
                task.executionStoppedAt = now;
                moveTo(task, TaskStatus.DEPROVISIONING);
                return new Step(stored.withTask(task.build()), new TaskEffect.Wait());
            }
            case DEPROVISIONING -> {
                if (seen.sandbox().isPresent()) {
                    return new Step(stored.withTask(task.build()), new TaskEffect.RemoveSandbox(seen.sandbox().get().id()));
                }
                boolean addressHeld = TaskAttachments.eni(task.attachments)
                        .filter(a -> !TaskAttachments.DETACHED.equals(a.status())).isPresent();
                if (addressHeld) {
                    return new Step(stored.withTask(task.build()), new TaskEffect.ReleaseNetwork());
                }
                moveTo(task, TaskStatus.STOPPED);
                task.stoppedAt = now;
                if (task.executionStoppedAt == null) {
                    task.executionStoppedAt = now;
                }
                task.connectivity = null;
                task.containers = task.containers.stream().map(c -> {
                    ContainerEditor container = ContainerEditor.of(c);
                    container.lastStatus = "STOPPED";
                    return container.build();
                }).toList();
                return new Step(stored.withTask(task.build()), new TaskEffect.Wait());
            }
            default -> throw new IllegalStateException("unexpected status " + last);
        }
    }

    /**
     * An essential container that exited, or a sandbox that vanished, stops a task nobody asked to
     * stop. A task whose essential containers all started reports RUNNING first, as ECS does.
     */
    private static void detectUnplannedStop(TaskEditor task, StoredTask stored, Observation seen, TaskStatus last,
                                            Instant now) {
        boolean activatingWithStragglers = last == TaskStatus.ACTIVATING && !essentialsStarted(stored, seen);
        if (last != TaskStatus.RUNNING && !activatingWithStragglers) {
            return;
        }
        for (ContainerDefinition container : stored.definition().containerDefinitions()) {
            if (isEssential(container) && exited(seen.containers().get(container.name()))) {
                requestStop(task, "EssentialContainerExited", "Essential container in task exited", now);
                return;
            }
        }
        if (seen.sandbox().isEmpty() || seen.sandbox().get().state() == ContainerStatus.State.EXITED) {
            requestStop(task, "TerminationNotice", "Task sandbox stopped unexpectedly", now);
        }
    }

    private static TaskEffect stopRunning(StoredTask stored, Observation seen) {
        Map<String, Duration> grace = new LinkedHashMap<>();
        for (ContainerDefinition container : stored.definition().containerDefinitions()) {
            ContainerStatus status = seen.containers().get(container.name());
            if (status != null && status.state() == ContainerStatus.State.RUNNING) {
                grace.put(container.name(), stopTimeout(container));
            }
        }
        return grace.isEmpty() ? new TaskEffect.Wait() : new TaskEffect.StopContainers(grace);
    }

    static Duration stopTimeout(ContainerDefinition container) {
        if (container.stopTimeout() == null) {
            return DEFAULT_STOP_TIMEOUT;
        }
        Duration requested = Duration.ofSeconds(container.stopTimeout());
        return requested.compareTo(MAX_STOP_TIMEOUT) > 0 ? MAX_STOP_TIMEOUT : requested;
    }

    private enum Readiness { READY, WAITING, NEVER }

    /** Whether a container's dependsOn conditions hold, may still hold, or never can. */
    private static Readiness dependenciesOf(ContainerDefinition container, Observation seen, StoredTask stored) {
        Readiness overall = Readiness.READY;
        for (ContainerDependency dependency : container.dependsOn() == null ? List.<ContainerDependency>of()
                : container.dependsOn()) {
            ContainerStatus target = seen.containers().get(dependency.containerName());
            Readiness readiness = switch (dependency.condition()) {
                case "START" -> target != null && target.state() != ContainerStatus.State.CREATED
                        ? Readiness.READY : Readiness.WAITING;
                case "COMPLETE" -> exited(target) ? Readiness.READY : Readiness.WAITING;
                case "SUCCESS" -> !exited(target) ? Readiness.WAITING
                        : Integer.valueOf(0).equals(target.exitCode()) ? Readiness.READY : Readiness.NEVER;
                case "HEALTHY" -> target == null ? Readiness.WAITING
                        : "healthy".equals(target.health()) ? Readiness.READY
                        : exited(target) || "unhealthy".equals(target.health()) ? Readiness.NEVER : Readiness.WAITING;
                default -> Readiness.NEVER;
            };
            if (readiness == Readiness.NEVER) {
                return Readiness.NEVER;
            }
            if (readiness == Readiness.WAITING) {
                overall = Readiness.WAITING;
            }
        }
        return overall;
    }

    /** Every essential container has been started (it may have exited since: the task still ran). */
    private static boolean essentialsStarted(StoredTask stored, Observation seen) {
        return stored.definition().containerDefinitions().stream().filter(TaskLifecycle::isEssential)
                .allMatch(c -> {
                    ContainerStatus status = seen.containers().get(c.name());
                    return status != null && status.state() != ContainerStatus.State.CREATED;
                });
    }

    /** Containers report what the runtime shows, moving only forward (PENDING, RUNNING, STOPPED). */
    private static void syncContainers(TaskEditor task, StoredTask stored, Observation seen) {
        List<Container> containers = new ArrayList<>();
        for (Container current : task.containers) {
            ContainerEditor container = ContainerEditor.of(current);
            ContainerStatus status = seen.containers().get(current.name());
            if (status != null) {
                container.runtimeId = status.id();
                container.imageDigest = status.labels().getOrDefault(LABEL_IMAGE_DIGEST, container.imageDigest);
                container.healthStatus = current.healthStatus() == null ? null : health(status.health());
                if (status.state() == ContainerStatus.State.RUNNING && "PENDING".equals(current.lastStatus())) {
                    container.lastStatus = "RUNNING";
                }
                if (status.state() == ContainerStatus.State.EXITED && !"STOPPED".equals(current.lastStatus())) {
                    container.lastStatus = "STOPPED";
                    container.exitCode = status.exitCode();
                    if (status.oomKilled()) {
                        container.reason = OOM_REASON;
                    } else if (status.error() != null && container.reason == null) {
                        container.reason = status.error();
                    }
                }
            } else if (current.runtimeId() != null && !"STOPPED".equals(current.lastStatus())) {
                // Created once, now gone from the runtime: it is not running any more.
                container.lastStatus = "STOPPED";
                container.reason = container.reason == null ? "Container removed from the runtime" : container.reason;
            }
            containers.add(container.build());
        }
        task.containers = containers;
    }

    /**
     * When the runtime created, started and finished each container, for the task metadata: its
     * own start and finish times where it reports them, else the moment the change is first seen.
     */
    private static StoredTask observeTimes(StoredTask stored, Observation seen, Instant now) {
        List<AgentContainer> containers = new ArrayList<>();
        for (AgentContainer container : stored.agentContainers()) {
            ContainerStatus status = seen.containers().get(container.name());
            if (status == null) {
                containers.add(container);
                continue;
            }
            Instant started = status.state() == ContainerStatus.State.CREATED ? null
                    : status.startedAt() != null ? status.startedAt() : now;
            Instant finished = status.state() != ContainerStatus.State.EXITED ? null
                    : status.finishedAt() != null ? status.finishedAt() : now;
            containers.add(container.observed(now, started, finished));
        }
        return containers.equals(stored.agentContainers()) ? stored : stored.withAgentContainers(containers);
    }

    private static String taskHealth(List<Container> containers, StoredTask stored) {
        boolean anyChecked = false;
        boolean allHealthy = true;
        for (ContainerDefinition definition : stored.definition().containerDefinitions()) {
            if (!isEssential(definition) || definition.healthCheck() == null) {
                continue;
            }
            anyChecked = true;
            String health = containers.stream().filter(c -> c.name().equals(definition.name()))
                    .map(Container::healthStatus).findFirst().orElse("UNKNOWN");
            if ("UNHEALTHY".equals(health)) {
                return "UNHEALTHY";
            }
            allHealthy &= "HEALTHY".equals(health);
        }
        return anyChecked && allHealthy ? "HEALTHY" : "UNKNOWN";
    }

    private static String health(String runtimeHealth) {
        return switch (String.valueOf(runtimeHealth)) {
            case "healthy" -> "HEALTHY";
            case "unhealthy" -> "UNHEALTHY";
            default -> "UNKNOWN";
        };
    }

    private static boolean exited(ContainerStatus status) {
        return status != null && status.state() == ContainerStatus.State.EXITED;
    }

    static boolean isEssential(ContainerDefinition container) {
        return !Boolean.FALSE.equals(container.essential());
    }

    private static void moveTo(TaskEditor task, TaskStatus next) {
        TaskStatus current = TaskStatus.valueOf(task.lastStatus);
        if (!current.canMoveTo(next)) {
            throw new IllegalStateException("task " + task.taskArn + " cannot move from " + current + " to " + next);
        }
        task.lastStatus = next.name();
        task.version = task.version + 1;
    }

    private static List<Container> edit(List<Container> containers, String name,
                                        java.util.function.Consumer<ContainerEditor> change) {
        return containers.stream().map(c -> {
            if (!c.name().equals(name)) {
                return c;
            }
            ContainerEditor editor = ContainerEditor.of(c);
            change.accept(editor);
            return editor.build();
        }).toList();
    }

    /** The labels that tie a runtime container to its task and container name. */
    public static Map<String, String> labels(StoredTask task, String containerName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ContainerRuntime.LABEL_TASK_ARN, task.task().taskArn());
        labels.put(ContainerRuntime.LABEL_CLUSTER, task.task().clusterArn());
        if (containerName != null) {
            labels.put(ContainerRuntime.LABEL_CONTAINER, containerName);
        }
        return labels;
    }
}
