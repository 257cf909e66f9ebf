package io.berth.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerSpec;
import io.berth.runtime.ContainerStatus;
import io.berth.runtime.ImagePullException;
import io.berth.runtime.RuntimeUnavailableException;
import io.berth.runtime.SandboxSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The container runtime on a Docker Engine, reached over its API (unix socket or DOCKER_HOST). */
public final class DockerRuntime implements ContainerRuntime {

    private static final String LABEL_ENVELOPE = SandboxPool.LABEL_ENVELOPE;
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private final DockerClient docker;
    private final DockerHttpClient http;
    private final String instance;
    private final Object sandboxImageLock = new Object();
    private volatile boolean sandboxImageReady;

    private final SandboxPool sandboxes;
    private final Map<String, ContainerStatus> exitedStatuses = new java.util.concurrent.ConcurrentHashMap<>();
    private final ImageDigests imageDigests = new ImageDigests();

    private DockerRuntime(DockerClient docker, DockerHttpClient http, String instance, int sandboxPoolSize) {
        this.docker = docker;
        this.http = http;
        this.instance = instance;
        this.sandboxes = new SandboxPool(docker, instance, sandboxPoolSize, this::ensureSandboxImage);
        sandboxes.refill();
    }

    /**
     * Connects and checks the engine answers; throws with what to do when it does not.
     *
     * @param instance        the Berth instance whose containers this runtime creates and sees; other
     *                        Berths may share the engine
     * @param sandboxPoolSize how many sandboxes to keep ready for launches
     */
    public static DockerRuntime connect(String dockerHost, String instance, int sandboxPoolSize) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            try {
                client.close();
            } catch (IOException ignored) {
                // Closing a client that never connected.
            }
            throw new RuntimeUnavailableException("no Docker engine answers at " + dockerHost + " (" + e.getMessage()
                    + "); start one with 'bin/docker-engine DIR' or set DOCKER_HOST", e);
        }
        return new DockerRuntime(client, http, instance, sandboxPoolSize);
    }

    @Override
    public String ensureImage(String image) throws ImagePullException {
        Optional<String> known = imageDigests.recent(image);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<String> present = localDigest(image);
        if (present.isPresent()) {
            return present.get();
        }
        ImageName name = ImageName.parse(image);
        try {
            docker.pullImageCmd(name.repository()).withTag(name.tagOrDigest())
                    .exec(new PullImageResultCallback()).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException("pull of " + image + " interrupted");
        } catch (RuntimeException e) {
            throw new ImagePullException("pull image manifest has been retried 1 time(s): failed to resolve ref "
                    + image + ": " + e.getMessage());
        }
        return localDigest(image).orElseThrow(() -> new ImagePullException("image " + image + " not found after pull"));
    }

    private Optional<String> localDigest(String image) {
        Optional<String> digest = inspectImage(image);
        digest.ifPresent(d -> imageDigests.remember(image, d));
        return digest;
    }

    private Optional<String> inspectImage(String image) {
        try {
            var inspected = docker.inspectImageCmd(image).exec();
            List<String> digests = inspected.getRepoDigests();
            if (digests != null && !digests.isEmpty()) {
                String digest = digests.getFirst();
                return Optional.of(digest.substring(digest.indexOf('@') + 1));
            }
            return Optional.of(inspected.getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String startSandbox(SandboxSpec spec) {
        return sandboxes.take(spec);
    }

    @Override
    public String networkNamespace(String sandboxId) {
        Integer pid = inspectRaw(sandboxId).map(c -> c.getState().getPid()).filter(p -> p != null && p > 0)
                .orElseThrow(() -> new RuntimeUnavailableException("sandbox " + sandboxId + " is not running", null));
        return "/proc/" + pid + "/ns/net";
    }

    @Override
    public boolean isSpare(ContainerStatus container) {
        return sandboxes.madeHere(container.labels());
    }

    private void ensureSandboxImage() {
        if (sandboxImageReady) {
            return;
        }
        synchronized (sandboxImageLock) {
            if (localDigest(SandboxImage.REFERENCE).isEmpty()) {
                importSandboxImage();
            }
            sandboxImageReady = true;
        }
    }

    /**
     * {@code docker import} of the sandbox root file system. Raw, because docker-java's
     * createImageCmd sends a stream body as JSON (docker-java issue 2377).
     */
    private void importSandboxImage() {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/create?fromSrc=-&repo=" + SandboxImage.REPOSITORY + "&tag=" + SandboxImage.TAG)
                .putHeader("Content-Type", "application/x-tar")
                .body(new ByteArrayInputStream(SandboxImage.rootFileSystem()))
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200 || body.contains("\"error\"")) {
                throw new RuntimeUnavailableException("cannot import the sandbox image: " + body.strip(), null);
            }
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot import the sandbox image: " + e.getMessage(), e);
        }
    }

    @Override
    public String create(ContainerSpec spec) {
        sandboxes.noteLaunchActivity();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(LABEL_MANAGED, instance);
        String envelope = sandboxes.envelopeOf(spec.sandboxId());
        labels.put(LABEL_ENVELOPE, envelope);
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + spec.sandboxId())
                .withCgroupParent(TaskCgroup.parent(envelope))
                .withReadonlyRootfs(spec.readonlyRootFilesystem())
                .withInit(spec.initProcess() ? Boolean.TRUE : null)
                .withUlimits(spec.ulimits().stream()
                        .map(u -> new com.github.dockerjava.api.model.Ulimit(u.name(), u.soft(), u.hard())).toList())
                .withBinds(spec.mounts().stream().map(m -> new Bind(m.hostPath(), new Volume(m.containerPath()),
                        m.readOnly() ? AccessMode.ro : AccessMode.rw)).toList());
        if (spec.cpuShares() != null && spec.cpuShares() >= 2) {
            host.withCpuShares(spec.cpuShares());
        }
        if (spec.memoryMiB() != null) {
            host.withMemory(spec.memoryMiB() * 1024L * 1024L);
        }
        if (spec.memoryReservationMiB() != null) {
            host.withMemoryReservation(spec.memoryReservationMiB() * 1024L * 1024L);
        }
        CreateContainerCmd command = docker.createContainerCmd(spec.image())
                .withName("berth-" + spec.taskId() + "-" + spec.name())
                .withLabels(labels)
                .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(host);
        if (spec.entryPoint() != null) {
            command.withEntrypoint(spec.entryPoint());
        }
        if (spec.command() != null) {
            command.withCmd(spec.command());
        }
        if (spec.workingDirectory() != null) {
            command.withWorkingDir(spec.workingDirectory());
        }
        if (spec.user() != null) {
            command.withUser(spec.user());
        }
        if (spec.healthCheck() != null) {
            ContainerSpec.HealthCheck check = spec.healthCheck();
            command.withHealthcheck(new com.github.dockerjava.api.model.HealthCheck()
                    .withTest(check.test())
                    .withInterval(check.interval().toNanos())
                    .withTimeout(check.timeout().toNanos())
                    .withRetries(check.retries())
                    .withStartPeriod(check.startPeriod().toNanos()));
        }
        try {
            return command.exec().getId();
        } catch (DockerException e) {
            throw new RuntimeUnavailableException("cannot create container " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void start(String id) {
        sandboxes.noteLaunchActivity();
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException e) {
            // Already running.
        } catch (DockerException e) {
            throw new RuntimeUnavailableException("cannot start container " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(String id, Duration grace) {
        try {
            docker.stopContainerCmd(id).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // Already stopped, or gone.
        }
    }

    @Override
    public void remove(String id) {
        Optional<String> envelope = inspectRaw(id).map(c -> c.getConfig().getLabels())
                .map(labels -> labels.get(LABEL_ENVELOPE));
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // Already gone.
        }
        sandboxes.forget(id);
        exitedStatuses.remove(id);
        // The envelope goes with the last container in it; while others remain, this does nothing.
        envelope.ifPresent(TaskCgroup::remove);
    }

    @Override
    public List<ContainerStatus> list(Map<String, String> labels) {
        Map<String, String> filter = new HashMap<>(labels);
        filter.put(LABEL_MANAGED, instance);
        List<Container> containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
        List<ContainerStatus> statuses = new ArrayList<>(containers.size());
        for (Container container : containers) {
            if (sandboxes.isFree(container.getId())) {
                continue;
            }
            ContainerStatus.State state = state(container.getState());
            if (state == ContainerStatus.State.EXITED) {
                // Exit code and OOM kill are only in the inspection; an exited container never changes again.
                ContainerStatus exited = exitedStatuses.computeIfAbsent(container.getId(), id -> inspect(id).orElse(null));
                if (exited != null) {
                    statuses.add(exited);
                }
            } else {
                statuses.add(new ContainerStatus(container.getId(), container.getLabels(), state, null, false,
                        null, null, ListedHealth.of(container.getStatus()), null));
            }
        }
        return statuses;
    }

    @Override
    public Optional<ContainerStatus> inspect(String id) {
        return inspectRaw(id).map(DockerRuntime::status);
    }

    private Optional<InspectContainerResponse> inspectRaw(String id) {
        try {
            return Optional.of(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** {@code GET /containers/ID/stats?stream=false}: the engine samples twice, so CPU use has its previous reading. */
    @Override
    public Optional<String> stats(String id) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + id + "/stats?stream=false")
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                throw new RuntimeUnavailableException("cannot read the stats of container " + id + ": " + body.strip(), null);
            }
            return Optional.of(body);
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot read the stats of container " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void followLogs(String id, Instant since, Consumer<LogLine> sink) {
        var command = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .withTimestamps(true);
        if (since != null) {
            command.withSince((int) since.getEpochSecond());
        }
        // Pieces of stdout and stderr lines interleave: each stream is joined on its own.
        Map<StreamType, LogFrames> streams = new java.util.EnumMap<>(StreamType.class);
        try {
            command.exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    streams.computeIfAbsent(frame.getStreamType(), t -> new LogFrames()).accept(frame.getPayload())
                            .forEach(sink);
                }
            }).awaitCompletion();
            streams.values().forEach(frames -> frames.finish().forEach(sink));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NotFoundException e) {
            // Removed while we read: nothing more to ship.
        }
    }

    private static ContainerStatus.State state(String engineState) {
        return switch (String.valueOf(engineState)) {
            case "running", "paused", "restarting" -> ContainerStatus.State.RUNNING;
            case "created" -> ContainerStatus.State.CREATED;
            default -> ContainerStatus.State.EXITED;
        };
    }

    private static ContainerStatus status(InspectContainerResponse response) {
        InspectContainerResponse.ContainerState state = response.getState();
        ContainerStatus.State phase = state(state.getStatus());
        Integer exitCode = phase == ContainerStatus.State.EXITED ? state.getExitCode() : null;
        String health = state.getHealth() == null ? null : state.getHealth().getStatus();
        String error = state.getError() == null || state.getError().isEmpty() ? null : state.getError();
        return new ContainerStatus(response.getId(), response.getConfig().getLabels(), phase, exitCode,
                Boolean.TRUE.equals(state.getOOMKilled()), time(state.getStartedAt()), time(state.getFinishedAt()),
                health, error);
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            return instant.equals(NEVER) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        sandboxes.close();
        try {
            docker.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
