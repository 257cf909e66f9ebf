package io.berth.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.RuntimeUnavailableException;
import io.berth.runtime.SandboxSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task sandboxes, kept ready: a launch takes a running sandbox from the pool and only sets its
 * envelope's limits, so RunTask pays for the task's own containers only. The free sandboxes and
 * each sandbox's envelope are this object's state, in concurrent collections.
 */
final class SandboxPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxPool.class);
    static final String LABEL_ENVELOPE = "io.berth.envelope";
    private static final String LABEL_SESSION = "io.berth.pool-session";
    private static final Duration QUIET = Duration.ofMillis(300);
    /** Retries of a refill that failed: a missing prerequisite is not fixed within 300 ms. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final DockerClient docker;
    private final String instance;
    private final int size;
    private final Runnable ensureImage;
    private final BlockingQueue<String> free = new LinkedBlockingQueue<>();
    private final Set<String> freeIds = ConcurrentHashMap.newKeySet();
    private final Map<String, String> envelopes = new ConcurrentHashMap<>();
    private final AtomicInteger filling = new AtomicInteger();
    private final ScheduledThreadPoolExecutor filler = filler();
    private final Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
    private volatile long lastLaunchActivity = System.nanoTime() - QUIET.toNanos();
    private final String session = UUID.randomUUID().toString();
    private volatile boolean open = true;

    SandboxPool(DockerClient docker, String instance, int size, Runnable ensureImage) {
        this.docker = docker;
        this.instance = instance;
        this.size = size;
        this.ensureImage = ensureImage;
    }

    /** One thread; a refill waiting for its turn is dropped at close rather than awaited. */
    private static ScheduledThreadPoolExecutor filler() {
        ScheduledThreadPoolExecutor filler = new ScheduledThreadPoolExecutor(1,
                Thread.ofVirtual().name("sandbox-pool").factory());
        filler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return filler;
    }

    /** A running sandbox for the task, inside an envelope holding the task's limits. */
    String take(SandboxSpec spec) {
        noteLaunchActivity();
        String id = free.poll();
        refill();
        if (id == null) {
            return create(spec.taskId(), spec.labels(), spec.cpuUnits(), spec.memoryMiB());
        }
        freeIds.remove(id);
        TaskCgroup.limit(envelopes.get(id), spec.cpuUnits(), spec.memoryMiB());
        return id;
    }

    /** Whether a sandbox is waiting in the pool (and so belongs to no task). */
    boolean isFree(String id) {
        return freeIds.contains(id);
    }

    /** Whether this pool made the sandbox since it started: spare, or handed out to a task. */
    boolean madeHere(Map<String, String> labels) {
        return session.equals(labels.get(LABEL_SESSION));
    }

    /** The envelope (cgroup parent) a sandbox's task containers join. */
    String envelopeOf(String sandboxId) {
        return envelopes.computeIfAbsent(sandboxId, id -> Optional.ofNullable(
                        docker.inspectContainerCmd(id).exec().getConfig().getLabels())
                .map(labels -> labels.get(LABEL_ENVELOPE))
                .orElseThrow(() -> new RuntimeUnavailableException("container " + id + " is not a Berth sandbox", null)));
    }

    void forget(String sandboxId) {
        envelopes.remove(sandboxId);
    }

    /** A launch is creating or starting containers: refills wait until it is done. */
    void noteLaunchActivity() {
        lastLaunchActivity = System.nanoTime();
    }

    /**
     * Fills the pool up to its size in the background, one sandbox at a time and only while no
     * launch is busy: on a small machine a refill would compete with the launch it serves. A
     * refill that fails is said once and retried less and less often (up to every minute).
     */
    void refill() {
        if (open && free.size() < size && filling.compareAndSet(0, 1)) {
            filler.schedule(this::fillOne, QUIET.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void fillOne() {
        long sinceLaunch = System.nanoTime() - lastLaunchActivity;
        if (open && sinceLaunch < QUIET.toNanos()) {
            filler.schedule(this::fillOne, QUIET.toNanos() - sinceLaunch, TimeUnit.NANOSECONDS);
            return;
        }
        if (open && free.size() < size) {
            try {
                String id = create("pool-" + UUID.randomUUID().toString().replace("-", ""),
                        Map.of(LABEL_SESSION, session), -1, -1);
                freeIds.add(id);
                free.add(id);
                if (backoff.succeeded()) {
                    log.info("task sandboxes can be made again");
                }
            } catch (RuntimeException e) {
                Backoff.Retry retry = backoff.failed(String.valueOf(e.getMessage()));
                if (retry.news()) {
                    log.warn("cannot make task sandboxes: {} (retrying in {} s, then less often, up to {} s apart)",
                            e.getMessage(), retry.delay().toSeconds(), LAST_RETRY.toSeconds());
                } else {
                    log.debug("cannot make task sandboxes: {}", e.getMessage());
                }
                if (open) {
                    filler.schedule(this::fillOne, retry.delay().toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
        filling.set(0);
        refill();
    }

    private String create(String envelope, Map<String, String> taskLabels, int cpuUnits, int memoryMiB) {
        ensureImage.run();
        TaskCgroup.limit(envelope, cpuUnits, memoryMiB);
        Map<String, String> labels = new HashMap<>(taskLabels);
        labels.put(ContainerRuntime.LABEL_MANAGED, instance);
        labels.put(LABEL_ENVELOPE, envelope);
        try {
            String id = docker.createContainerCmd(SandboxImage.REFERENCE)
                    .withName("berth-" + envelope + "-sandbox")
                    .withCmd(SandboxImage.COMMAND)
                    .withLabels(labels)
                    .withHostConfig(HostConfig.newHostConfig()
                            .withNetworkMode("none")
                            .withCgroupParent(TaskCgroup.parent(envelope)))
                    .exec().getId();
            docker.startContainerCmd(id).exec();
            envelopes.put(id, envelope);
            return id;
        } catch (DockerException e) {
            TaskCgroup.remove(envelope);
            throw new RuntimeUnavailableException("cannot start a task sandbox: " + e.getMessage(), e);
        }
    }

    /** Free sandboxes are of no use to anyone once Berth stops. */
    @Override
    public void close() {
        open = false;
        filler.shutdown();
        try {
            filler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id = free.poll(); id != null; id = free.poll()) {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // Already gone.
            }
            TaskCgroup.remove(envelopes.remove(id));
        }
    }
}
