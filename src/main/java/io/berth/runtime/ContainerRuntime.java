package io.berth.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where task containers really run. Docker today; another OCI runtime or remote hosts later.
 * Every call is blocking and may be made from any thread.
 */
public interface ContainerRuntime extends AutoCloseable {

    /**
     * Label on everything Berth creates in a runtime; its value is the Berth instance's id, so
     * Berths sharing an engine never touch each other's containers.
     */
    String LABEL_MANAGED = "io.berth.managed";
    String LABEL_TASK_ARN = "io.berth.task-arn";
    String LABEL_CLUSTER = "io.berth.cluster";
    String LABEL_CONTAINER = "io.berth.container";

    /** Makes the image present, pulling it when absent; returns its digest. */
    String ensureImage(String image) throws ImagePullException;

    /**
     * Creates and starts the task's sandbox: the holder of the network namespace all its
     * containers share, inside a resource envelope of the task's CPU and memory.
     */
    String startSandbox(SandboxSpec spec);

    /**
     * Whether a sandbox was made ready by this runtime since it started (a spare, kept for the
     * next launch, or one handed out since): owned by the runtime until a task records it.
     */
    boolean isSpare(ContainerStatus container);

    /** The network namespace a running sandbox holds, as a path (e.g. /proc/PID/ns/net). */
    String networkNamespace(String sandboxId);

    /** Creates (does not start) a container inside a sandbox; returns its runtime id. */
    String create(ContainerSpec spec);

    void start(String id);

    /** SIGTERM, then SIGKILL once {@code grace} has passed; returns at once for a stopped container. */
    void stop(String id, Duration grace);

    /** Removes a container or sandbox and what it holds; absent ones are ignored. */
    void remove(String id);

    /** The containers and sandboxes Berth created that carry all these labels, running or not. */
    List<ContainerStatus> list(Map<String, String> labels);

    Optional<ContainerStatus> inspect(String id);

    /**
     * One sample of a container's resource use (CPU, memory, I/O), as the Docker Engine API's
     * ContainerStats JSON: what the ECS agent serves tasks as their stats. Blocks while the
     * runtime measures (about a second, for CPU use over an interval); empty for an absent container.
     */
    Optional<String> stats(String id);

    /**
     * Streams a container's output (stdout and stderr), line by line with the runtime's
     * timestamps, from {@code since} until the container has exited and all is read. Blocks.
     */
    void followLogs(String id, Instant since, Consumer<LogLine> sink);

    /** One line of output; {@code timestamp} is null when the runtime gave none. */
    record LogLine(Instant timestamp, String text) {
    }

    @Override
    void close();
}
