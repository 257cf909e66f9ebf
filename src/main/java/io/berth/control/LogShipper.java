package io.berth.control;

import io.berth.ecs.StoredTask;
import io.berth.ecs.TaskMetadataDocuments;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.logs.LogEvents;
import io.berth.runtime.ContainerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The awslogs log driver: ships the output of containers configured with it to Berth's
 * CloudWatch Logs, one follower (virtual thread) per container. Which containers are followed
 * is in-memory state, kept in {@link #followed}; after a restart, followers resume after the last
 * event already stored.
 */
final class LogShipper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogShipper.class);
    private static final int BATCH = 1000;
    private static final Duration FLUSH = Duration.ofMillis(200);

    private final ContainerRuntime runtime;
    private final LogEvents logs;
    private final InstantSource clock;
    /** Followed containers, each with the end of its shipping (all output read and stored). */
    private final Map<String, CompletableFuture<Void>> followed = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    LogShipper(ContainerRuntime runtime, LogEvents logs, InstantSource clock) {
        this.runtime = runtime;
        this.logs = logs;
        this.clock = clock;
    }

    /** Where a container's awslogs output goes, or empty when it uses another log driver. */
    record Destination(String accountId, String region, String group, String stream, boolean createGroup) {

        static Optional<Destination> of(StoredTask task, ContainerDefinition container) {
            var configuration = container.logConfiguration();
            if (configuration == null || !"awslogs".equals(configuration.logDriver())) {
                return Optional.empty();
            }
            Map<String, String> options = configuration.options() == null ? Map.of() : configuration.options();
            String[] arn = task.task().taskArn().split(":", 6);
            String region = options.getOrDefault("awslogs-region", arn[3]);
            String stream = TaskMetadataDocuments.awslogsStream(task, container);
            return Optional.of(new Destination(arn[4], region, options.get("awslogs-group"), stream,
                    "true".equalsIgnoreCase(options.get("awslogs-create-group"))));
        }
    }

    /**
     * Makes the group and stream ready before the container runs, as the awslogs driver does at
     * container start; the ECS failure reason when it cannot.
     */
    Optional<String> prepare(Destination destination) {
        if (!logs.groupExists(destination.accountId(), destination.region(), destination.group())) {
            if (!destination.createGroup()) {
                return Optional.of("ResourceInitializationError: failed to validate logger args: create stream has "
                        + "been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: "
                        + "The specified log group does not exist. : exit status 1");
            }
            logs.createGroupIfAbsent(destination.accountId(), destination.region(), destination.group());
        }
        logs.createStreamIfAbsent(destination.accountId(), destination.region(), destination.group(), destination.stream());
        return Optional.empty();
    }

    /** Starts shipping a container's output unless it already is being shipped. */
    void follow(String containerId, Destination destination) {
        CompletableFuture<Void> shipped = new CompletableFuture<>();
        if (open && followed.putIfAbsent(containerId, shipped) == null) {
            Thread.ofVirtual().name("logs-" + containerId.substring(0, 12)).start(() -> {
                try {
                    ship(containerId, destination);
                } finally {
                    shipped.complete(null);
                }
            });
        }
    }

    /**
     * Waits (up to {@code timeout}) until an exited container's output is all stored, so a task
     * reported STOPPED has its logs in place.
     */
    void awaitShipped(String containerId, Duration timeout) {
        CompletableFuture<Void> shipped = followed.get(containerId);
        if (shipped == null) {
            return;
        }
        try {
            shipped.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("container={} logs not fully shipped: {}", containerId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets a removed container. */
    void forget(String containerId) {
        followed.remove(containerId);
    }

    private void ship(String containerId, Destination d) {
        OptionalLong last = logs.lastEventTimestamp(d.accountId(), d.region(), d.group(), d.stream());
        Instant since = last.isPresent() ? Instant.ofEpochMilli(last.getAsLong()) : null;
        BlockingQueue<ContainerRuntime.LogLine> lines = new LinkedBlockingQueue<>();
        ContainerRuntime.LogLine end = new ContainerRuntime.LogLine(null, null);
        Thread.ofVirtual().start(() -> {
            try {
                runtime.followLogs(containerId, since, lines::add);
            } catch (RuntimeException e) {
                log.warn("container={} log follow failed: {}", containerId, e.getMessage());
            } finally {
                lines.add(end);
            }
        });
        List<ContainerRuntime.LogLine> batch = new ArrayList<>();
        boolean ended = false;
        try {
            while (!ended) {
                ContainerRuntime.LogLine line = lines.poll(FLUSH.toMillis(), TimeUnit.MILLISECONDS);
                while (line != null && !ended) {
                    if (line == end) {
                        ended = true;
                    } else {
                        Instant timestamp = line.timestamp() == null ? clock.instant() : line.timestamp();
                        // Resuming after a restart: what is already stored is not shipped twice.
                        if (last.isEmpty() || timestamp.toEpochMilli() > last.getAsLong()) {
                            batch.add(new ContainerRuntime.LogLine(timestamp, line.text()));
                        }
                        line = batch.size() >= BATCH ? null : lines.poll();
                    }
                }
                if (!batch.isEmpty()) {
                    // stdout and stderr arrive as separate streams: the runtime's nanosecond times order
                    // them, before CloudWatch's milliseconds would make them tie.
                    batch.sort(java.util.Comparator.comparing(ContainerRuntime.LogLine::timestamp));
                    logs.append(d.accountId(), d.region(), d.group(), d.stream(), batch.stream()
                            .map(l -> new LogEvents.Event(l.timestamp().toEpochMilli(), l.text())).toList());
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Forgotten, so the next round follows it again from the last event stored.
            log.warn("container={} log shipping failed: {}", containerId, e.getMessage());
            followed.remove(containerId);
        }
    }

    @Override
    public void close() {
        open = false;
    }
}
