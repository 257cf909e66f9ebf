package io.berth.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ContainerRuntime} must do, as the task controller relies on it: one suite,
 * run against Docker ({@code DockerRuntimeContractIT}) and the in-memory fake
 * ({@code FakeContainerRuntimeContractTest}), so controller tests on the fake mean something.
 */
public abstract class ContainerRuntimeContract {

    /** A runtime that sees only what this test creates. */
    protected abstract ContainerRuntime newRuntime();

    /** An image the runtime has, whose default command keeps running until stopped. */
    protected abstract String presentImage();

    /** The command that makes a container of {@link #presentImage()} run until stopped, or null for its default. */
    protected abstract List<String> longRunningCommand();

    protected ContainerRuntime runtime;
    private final String taskArn = "arn:aws:ecs:us-east-1:000000000000:task/contract/"
            + UUID.randomUUID().toString().replace("-", "");
    private final String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);

    @BeforeEach
    void open() {
        runtime = newRuntime();
    }

    @AfterEach
    void clean() {
        for (ContainerStatus status : runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, taskArn))) {
            runtime.remove(status.id());
        }
        runtime.close();
    }

    private Map<String, String> labels(String container) {
        return container == null ? Map.of(ContainerRuntime.LABEL_TASK_ARN, taskArn)
                : Map.of(ContainerRuntime.LABEL_TASK_ARN, taskArn, ContainerRuntime.LABEL_CONTAINER, container);
    }

    private String sandbox() {
        return runtime.startSandbox(new SandboxSpec(taskId, 256, 512, labels(null)));
    }

    private String container(String sandbox, String name) {
        return runtime.create(new ContainerSpec(taskId, sandbox, name, presentImage(), null, longRunningCommand(),
                Map.of(), null, null, null, null, null, false, false, List.of(), List.of(), null, labels(name)));
    }

    @Test
    void aPresentImageHasADigestAndAnAbsentOneFailsToPull() throws ImagePullException {
        assertThat(runtime.ensureImage(presentImage())).startsWith("sha256:");
        assertThatThrownBy(() -> runtime.ensureImage("127.0.0.1:9/berth-contract/absent:latest"))
                .isInstanceOf(ImagePullException.class);
    }

    @Test
    void aSandboxRunsAndIsListedByItsLabels() {
        String sandbox = sandbox();

        assertThat(runtime.list(labels(null))).singleElement().satisfies(status -> {
            assertThat(status.id()).isEqualTo(sandbox);
            assertThat(status.state()).isEqualTo(ContainerStatus.State.RUNNING);
            assertThat(status.labels()).containsAllEntriesOf(labels(null));
        });
        assertThat(runtime.networkNamespace(sandbox)).isNotBlank();
        assertThat(runtime.inspect(sandbox)).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(sandbox));
    }

    @Test
    void aContainerIsCreatedThenStartedThenStopped() {
        String id = container(sandbox(), "main");
        assertThat(runtime.inspect(id)).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(ContainerStatus.State.CREATED));

        runtime.start(id);
        assertThat(runtime.inspect(id)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(ContainerStatus.State.RUNNING);
            assertThat(s.startedAt()).isNotNull();
        });

        runtime.stop(id, Duration.ZERO);
        assertThat(runtime.inspect(id)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(ContainerStatus.State.EXITED);
            assertThat(s.exitCode()).isNotNull().isNotZero();
        });
        runtime.stop(id, Duration.ZERO);
    }

    @Test
    void listingMatchesEveryLabelGiven() {
        String sandbox = sandbox();
        String main = container(sandbox, "main");
        container(sandbox, "side");

        assertThat(runtime.list(labels(null))).hasSize(3);
        assertThat(runtime.list(labels("main"))).extracting(ContainerStatus::id).containsExactly(main);
        assertThat(runtime.list(Map.of(ContainerRuntime.LABEL_TASK_ARN, taskArn + "0"))).isEmpty();
    }

    @Test
    void removingTakesAContainerAwayAndIgnoresAnAbsentOne() {
        String sandbox = sandbox();
        String id = container(sandbox, "main");

        runtime.remove(id);
        runtime.remove(id);

        assertThat(runtime.inspect(id)).isEmpty();
        assertThat(runtime.list(labels("main"))).isEmpty();
        assertThat(runtime.stats(id)).isEmpty();
    }
}
