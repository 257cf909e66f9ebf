package io.berth.control;

import io.berth.ec2.AddressesExhaustedException;
import io.berth.ec2.Eni;
import io.berth.ec2.Networks;
import io.berth.control.loop.ControlLoop;
import io.berth.ecs.ContainerSpecs;
import io.berth.ecs.Observation;
import io.berth.ecs.StoredTask;
import io.berth.ecs.TaskEffect;
import io.berth.ecs.TaskLifecycle;
import io.berth.ecs.TaskRecords;
import io.berth.ecs.TaskSignal;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.logs.LogEvents;
import io.berth.net.NetworkException;
import io.berth.net.TaskNetwork;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerStatus;
import io.berth.runtime.ImagePullException;
import io.berth.runtime.RuntimeUnavailableException;
import io.berth.runtime.SandboxSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The task control loop: level-driven, it converges every task's runtime state on what the store
 * says is desired. It is a {@link ControlLoop} keyed by task ARN: each round lists what the
 * runtime really runs, removes what no task owns, and hands each unsettled task to its worker,
 * which steps it with {@link TaskLifecycle} (one runtime listing per step) and performs the
 * effects. A round starts when signalled or after {@code interval}; on start it adopts whatever
 * a previous Berth left running.
 */
public final class TaskController implements TaskSignal, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskController.class);
    private static final int MAX_STEPS_PER_ROUND = 64;
    private static final Duration LOG_DRAIN = Duration.ofSeconds(5);

    private final TaskRecords records;
    private final ContainerRuntime runtime;
    private final InstantSource clock;
    private final Settings settings;
    private final LogShipper shipper;
    private final TaskNetworking networking;
    private final ControlLoop<String> loop;

    /**
     * @param retention    how long STOPPED tasks stay before they are pruned
     * @param interval     the longest pause between rounds
     * @param volumes      where tasks' volumes live on the host
     * @param taskEndpoint where code inside tasks reaches Berth (URL without a path)
     */
    public record Settings(Duration retention, Duration interval, Path volumes, String taskEndpoint) {
    }

    public TaskController(TaskRecords records, ContainerRuntime runtime, LogEvents logs, Networks networks,
                          TaskNetwork dataPlane, InstantSource clock, Settings settings) {
        this.records = records;
        this.runtime = runtime;
        this.clock = clock;
        this.settings = settings;
        this.shipper = new LogShipper(runtime, logs, clock);
        this.networking = new TaskNetworking(networks, dataPlane, runtime);
        this.loop = new ControlLoop<>("task-controller", settings.interval(), this::round, this::advance);
    }

    public void start() {
        loop.start();
    }

    @Override
    public void taskChanged() {
        loop.signal();
    }

    /** One round: what runs is listed before the store is read, so a task created meanwhile is never taken for an orphan. */
    private void round(Consumer<String> dispatch) {
        List<ContainerStatus> present = runtime.list(Map.of());
        List<StoredTask> tasks = records.all();
        Set<String> known = new HashSet<>();
        Set<String> sandboxes = new HashSet<>();
        Instant now = clock.instant();
        for (StoredTask task : tasks) {
            known.add(task.task().taskArn());
            if (task.sandboxId() != null) {
                sandboxes.add(task.sandboxId());
            }
            if (settled(task, now)) {
                continue;
            }
            dispatch.accept(task.task().taskArn());
        }
        networking.syncFirewalls(tasks);
        for (ContainerStatus container : present) {
            String owner = container.labels().get(ContainerRuntime.LABEL_TASK_ARN);
            boolean owned = owner != null ? known.contains(owner)
                    : sandboxes.contains(container.id()) || runtime.isSpare(container);
            if (!owned) {
                log.info("orphan container={} task={} removed", container.id(), owner);
                runtime.remove(container.id());
            }
        }
    }

    /** A STOPPED task has nothing to do until it is due for pruning. */
    private boolean settled(StoredTask task, Instant now) {
        Instant stoppedAt = task.task().stoppedAt();
        return "STOPPED".equals(task.task().lastStatus()) && stoppedAt != null && !stoppedAt.plus(settings.retention()).isBefore(now);
    }

    /** Steps one task until it waits on the runtime (or is gone), performing each step's effect. */
    private void advance(String taskArn) {
        for (int i = 0; i < MAX_STEPS_PER_ROUND; i++) {
            Optional<StoredTask> current = records.get(taskArn);
            if (current.isEmpty()) {
                return;
            }
            StoredTask stored = current.get();
            Observation seen = observe(stored);
            shipLogs(stored, seen);
            TaskLifecycle.Step step = TaskLifecycle.step(stored, seen, clock.instant(), settings.retention());
            StoredTask next = step.task();
            boolean changed = !next.equals(stored);
            if (changed) {
                Optional<StoredTask> written = records.replace(stored, next);
                if (written.isEmpty()) {
                    continue;
                }
                next = written.get();
                logTransition(stored, next);
            }
            if (step.effect() instanceof TaskEffect.Wait) {
                if (!changed) {
                    return;
                }
                continue;
            }
            perform(next, step.effect(), seen);
        }
    }

    /** Every container that ran with the awslogs driver has a follower shipping its output. */
    private void shipLogs(StoredTask task, Observation seen) {
        for (ContainerDefinition container : task.definition().containerDefinitions()) {
            ContainerStatus status = seen.containers().get(container.name());
            if (status != null && status.state() != ContainerStatus.State.CREATED) {
                LogShipper.Destination.of(task, container).ifPresent(d -> shipper.follow(status.id(), d));
            }
        }
    }

    /** The task's containers by label; its sandbox by label or, when it came from the pool, by the recorded id. */
    private Observation observe(StoredTask task) {
        Optional<ContainerStatus> sandbox = Optional.empty();
        Map<String, ContainerStatus> containers = new HashMap<>();
        for (ContainerStatus status : runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, task.task().taskArn()))) {
            String name = status.labels().get(ContainerRuntime.LABEL_CONTAINER);
            if (name == null) {
                sandbox = Optional.of(status);
            } else {
                containers.put(name, status);
            }
        }
        if (sandbox.isEmpty() && task.sandboxId() != null) {
            sandbox = runtime.inspect(task.sandboxId());
        }
        return new Observation(sandbox, containers);
    }

    /** Performs an effect on what the step saw: the runtime is listed once per step. */
    private void perform(StoredTask task, TaskEffect effect, Observation seen) {
        switch (effect) {
            case TaskEffect.Wait wait -> {
            }
            case TaskEffect.StartSandbox start -> {
                try {
                    String sandbox = runtime.startSandbox(new SandboxSpec(task.id(), Integer.parseInt(task.task().cpu()),
                            Integer.parseInt(task.task().memory()), TaskLifecycle.labels(task, null)));
                    if (records.replace(task, task.withSandbox(sandbox)).isEmpty()) {
                        // The task changed meanwhile (it was stopped): nobody will own this sandbox.
                        runtime.remove(sandbox);
                    }
                } catch (RuntimeUnavailableException e) {
                    fail(task, "ResourceInitializationError: " + e.getMessage(), null);
                }
            }
            case TaskEffect.AttachNetwork attach -> {
                try {
                    Eni eni = networking.attach(task, attach.sandboxId());
                    StoredTask attached = TaskLifecycle.networkAttached(task, eni, clock.instant());
                    if (records.replace(task, attached).isPresent()) {
                        logTransition(task, attached);
                    }
                    taskChanged();
                } catch (AddressesExhaustedException e) {
                    fail(task, e.reason(), null);
                } catch (RuntimeUnavailableException | NetworkException e) {
                    fail(task, "ResourceInitializationError: failed to configure ENI: " + e.getMessage(), null);
                }
            }
            case TaskEffect.ReleaseNetwork release -> {
                networking.release(task);
                records.replace(task, TaskLifecycle.networkReleased(task));
                taskChanged();
            }
            case TaskEffect.CreateContainers create -> createContainers(task, create.names());
            case TaskEffect.StartContainers start -> {
                for (String name : start.names()) {
                    ContainerStatus status = seen.containers().get(name);
                    if (status == null) {
                        continue;
                    }
                    try {
                        runtime.start(status.id());
                    } catch (RuntimeUnavailableException e) {
                        fail(task, "CannotStartContainerError: " + e.getMessage(), name);
                        return;
                    }
                }
            }
            case TaskEffect.StopContainers stop -> stopContainers(seen, stop.graceByName());
            case TaskEffect.RemoveSandbox remove -> {
                runtime.remove(remove.sandboxId());
                // The task reports STOPPED next: its containers' output must be stored by then.
                for (ContainerStatus status : seen.containers().values()) {
                    shipper.awaitShipped(status.id(), LOG_DRAIN);
                }
            }
            case TaskEffect.Prune prune -> {
                for (ContainerStatus status : runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, task.task().taskArn()))) {
                    runtime.remove(status.id());
                    shipper.forget(status.id());
                }
                deleteVolumes(task);
                records.delete(task);
                log.info("task={} pruned", task.task().taskArn());
            }
        }
    }

    private void createContainers(StoredTask task, List<String> names) {
        String sandboxId = task.sandboxId();
        for (ContainerDefinition container : task.definition().containerDefinitions()) {
            if (!names.contains(container.name())) {
                continue;
            }
            Optional<String> logsProblem = LogShipper.Destination.of(task, container).flatMap(shipper::prepare);
            if (logsProblem.isPresent()) {
                fail(task, logsProblem.get(), container.name());
                return;
            }
            String digest;
            try {
                digest = runtime.ensureImage(container.image());
            } catch (ImagePullException e) {
                fail(task, "CannotPullContainerError: " + e.getMessage(), container.name());
                return;
            }
            try {
                Path taskVolumes = settings.volumes().resolve(task.id());
                for (var mount : container.mountPoints() == null ? List.<io.berth.ecs.model.MountPoint>of() : container.mountPoints()) {
                    Files.createDirectories(taskVolumes.resolve(mount.sourceVolume()));
                }
                runtime.create(ContainerSpecs.of(task, container, sandboxId, digest, taskVolumes,
                        settings.taskEndpoint()));
            } catch (RuntimeUnavailableException | IOException e) {
                fail(task, "CannotCreateContainerError: " + e.getMessage(), container.name());
                return;
            }
        }
    }

    private void stopContainers(Observation seen, Map<String, Duration> graceByName) {
        // All at once, each with its own grace period; closing the executor waits for every stop.
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            graceByName.forEach((name, grace) -> {
                ContainerStatus status = seen.containers().get(name);
                if (status != null) {
                    parallel.submit(() -> runtime.stop(status.id(), grace));
                }
            });
        }
    }

    private void fail(StoredTask task, String reason, String containerName) {
        log.info("task={} failed to start: {}", task.task().taskArn(), reason);
        records.replace(task, TaskLifecycle.failedToStart(task, reason, containerName, clock.instant()));
    }

    private void deleteVolumes(StoredTask task) {
        Path dir = settings.volumes().resolve(task.id());
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("task={} volumes not removed: {}", task.task().taskArn(), e.getMessage());
        }
    }

    private static void logTransition(StoredTask before, StoredTask after) {
        if (!before.task().lastStatus().equals(after.task().lastStatus())) {
            log.info("task={} lastStatus={} desiredStatus={}", after.task().taskArn(), after.task().lastStatus(),
                    after.task().desiredStatus());
        }
    }

    @Override
    public void close() {
        loop.close();
        shipper.close();
    }
}
