package io.berth.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory {@link ContainerRuntime} for fast control-loop tests, held to the same
 * {@link ContainerRuntimeContract} as Docker; test code only. Containers run until a test makes
 * them exit ({@link #exit}) or they are stopped; only the images it was given are present, every
 * other one fails to pull. One lock guards its state.
 */
public final class FakeContainerRuntime implements ContainerRuntime {

    private final InstantSource clock;
    private final Set<String> images;
    private final Map<String, ContainerStatus> containers = new LinkedHashMap<>();
    private final Map<String, List<LogLine>> output = new HashMap<>();
    private int nextId;

    public FakeContainerRuntime(InstantSource clock, Set<String> images) {
        this.clock = clock;
        this.images = Set.copyOf(images);
    }

    @Override
    public synchronized String ensureImage(String image) throws ImagePullException {
        if (!images.contains(image)) {
            throw new ImagePullException("pull access denied for " + image + ", repository does not exist");
        }
        return "sha256:" + String.format("%064x", image.hashCode() & 0xffffffffL);
    }

    @Override
    public synchronized String startSandbox(SandboxSpec spec) {
        String id = newId();
        containers.put(id, new ContainerStatus(id, Map.copyOf(spec.labels()), ContainerStatus.State.RUNNING, null,
                false, clock.instant(), null, null, null));
        return id;
    }

    @Override
    public boolean isSpare(ContainerStatus container) {
        return false;
    }

    @Override
    public synchronized String networkNamespace(String sandboxId) {
        ContainerStatus sandbox = containers.get(sandboxId);
        if (sandbox == null || sandbox.state() != ContainerStatus.State.RUNNING) {
            throw new RuntimeUnavailableException("sandbox " + sandboxId + " is not running", null);
        }
        return "/proc/fake/" + sandboxId + "/ns/net";
    }

    @Override
    public synchronized String create(ContainerSpec spec) {
        if (!containers.containsKey(spec.sandboxId())) {
            throw new RuntimeUnavailableException("cannot create container " + spec.name() + ": no sandbox "
                    + spec.sandboxId(), null);
        }
        String id = newId();
        containers.put(id, new ContainerStatus(id, Map.copyOf(spec.labels()), ContainerStatus.State.CREATED, null,
                false, null, null, null, null));
        return id;
    }

    @Override
    public synchronized void start(String id) {
        ContainerStatus status = containers.get(id);
        if (status == null) {
            throw new RuntimeUnavailableException("cannot start container " + id + ": no such container", null);
        }
        if (status.state() == ContainerStatus.State.CREATED) {
            containers.put(id, new ContainerStatus(id, status.labels(), ContainerStatus.State.RUNNING, null, false,
                    clock.instant(), null, null, null));
        }
    }

    /** Stopped by SIGTERM: exit code 143, at once whatever the grace period. */
    @Override
    public void stop(String id, Duration grace) {
        exit(id, 143);
    }

    /** Makes a running container exit with this code, as if its process ended. */
    public synchronized void exit(String id, int exitCode) {
        ContainerStatus status = containers.get(id);
        if (status != null && status.state() == ContainerStatus.State.RUNNING) {
            containers.put(id, new ContainerStatus(id, status.labels(), ContainerStatus.State.EXITED, exitCode, false,
                    status.startedAt(), clock.instant(), null, null));
            notifyAll();
        }
    }

    /** A line the container prints. */
    public synchronized void print(String id, String text) {
        output.computeIfAbsent(id, key -> new ArrayList<>()).add(new LogLine(clock.instant(), text));
        notifyAll();
    }

    @Override
    public synchronized void remove(String id) {
        containers.remove(id);
        output.remove(id);
        notifyAll();
    }

    @Override
    public synchronized List<ContainerStatus> list(Map<String, String> labels) {
        return containers.values().stream()
                .filter(c -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(c.labels().get(l.getKey()))))
                .toList();
    }

    @Override
    public synchronized Optional<ContainerStatus> inspect(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    @Override
    public synchronized Optional<String> stats(String id) {
        return inspect(id).map(c -> "{\"id\":\"" + id + "\",\"read\":\"" + clock.instant() + "\"}");
    }

    @Override
    public synchronized void followLogs(String id, Instant since, Consumer<LogLine> sink) {
        int sent = 0;
        while (true) {
            List<LogLine> lines = output.getOrDefault(id, List.of());
            for (; sent < lines.size(); sent++) {
                if (!lines.get(sent).timestamp().isBefore(since)) {
                    sink.accept(lines.get(sent));
                }
            }
            ContainerStatus status = containers.get(id);
            if (status == null || status.state() == ContainerStatus.State.EXITED) {
                return;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
    }

    private String newId() {
        return String.format("%064x", ++nextId);
    }
}
