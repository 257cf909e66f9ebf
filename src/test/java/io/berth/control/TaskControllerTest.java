package io.berth.control;

import io.berth.ec2.Networks;
import io.berth.ecs.StoredTask;
import io.berth.ecs.StoredTasks;
import io.berth.ecs.TaskLifecycle;
import io.berth.ecs.TaskRecords;
import io.berth.logs.LogEvents;
import io.berth.net.TaskNetwork;
import io.berth.runtime.ContainerRuntime;
import io.berth.runtime.ContainerStatus;
import io.berth.runtime.FakeContainerRuntime;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The task controller on the in-memory runtime: whole lifecycles in milliseconds, no Docker. */
class TaskControllerTest {

    private static final long POLL = Duration.ofMillis(10).toNanos();
    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private Store store;
    private TaskRecords records;
    private FakeContainerRuntime runtime;
    private TaskController controller;

    @BeforeEach
    void start() {
        InstantSource clock = InstantSource.system();
        store = SqliteStore.open(dir.resolve("berth.db"));
        records = new TaskRecords(store);
        runtime = new FakeContainerRuntime(clock, Set.of("nginx:1.27"));
        controller = new TaskController(records, runtime, new LogEvents(store, clock), new Networks(store, clock),
                TaskNetwork.ADDRESSES_ONLY, clock, new TaskController.Settings(Duration.ofHours(1),
                Duration.ofMillis(50), dir.resolve("volumes"), "http://127.0.0.1:1"));
        controller.start();
    }

    @AfterEach
    void stop() {
        controller.close();
        store.close();
    }

    private StoredTask awaitTask(Predicate<StoredTask> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            StoredTask task = records.get(ARN).orElseThrow();
            if (condition.test(task)) {
                return task;
            }
            LockSupport.parkNanos(POLL);
        }
        throw new AssertionError("task never reached the condition: " + records.get(ARN));
    }

    private static Predicate<StoredTask> status(String status) {
        return task -> status.equals(task.task().lastStatus());
    }

    @Test
    void aTaskRunsAndStopsWhenItsEssentialContainerExits() {
        StoredTasks.save(store, StoredTasks.launched(ARN, Instant.now(), StoredTasks.container("main", "")));
        controller.taskChanged();

        StoredTask running = awaitTask(status("RUNNING"));
        assertThat(running.sandboxId()).isNotNull();
        ContainerStatus main = runtime.list(Map.of(ContainerRuntime.LABEL_CONTAINER, "main")).getFirst();
        assertThat(main.state()).isEqualTo(ContainerStatus.State.RUNNING);

        runtime.exit(main.id(), 3);
        controller.taskChanged();

        StoredTask stopped = awaitTask(status("STOPPED"));
        assertThat(stopped.task().stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(stopped.task().containers().getFirst().exitCode()).isEqualTo(3);
        assertThat(runtime.inspect(running.sandboxId())).isEmpty();
    }

    @Test
    void aStopRequestStopsTheRunningContainers() {
        StoredTasks.save(store, StoredTasks.launched(ARN, Instant.now(), StoredTasks.container("main", "")));
        controller.taskChanged();
        StoredTask running = awaitTask(status("RUNNING"));

        assertThat(records.replace(running, TaskLifecycle.stopRequested(running, "UserInitiated", "bye", Instant.now())))
                .isPresent();
        controller.taskChanged();

        StoredTask stopped = awaitTask(status("STOPPED"));
        assertThat(stopped.task().stopCode()).isEqualTo("UserInitiated");
        assertThat(stopped.task().containers().getFirst().exitCode()).isEqualTo(143);
    }

    @Test
    void anImageThatCannotBePulledStopsTheTask() {
        StoredTasks.save(store, StoredTasks.launched(ARN, Instant.now(),
                "{'name':'main','image':'absent:1'}"));
        controller.taskChanged();

        StoredTask stopped = awaitTask(status("STOPPED"));
        assertThat(stopped.task().stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.task().containers().getFirst().reason()).startsWith("CannotPullContainerError");
    }

    @Test
    void aContainerNoTaskOwnsIsRemoved() {
        String orphan = runtime.startSandbox(new io.berth.runtime.SandboxSpec("gone", 256, 512,
                Map.of(ContainerRuntime.LABEL_TASK_ARN, ARN.replace("0123", "9999"))));
        controller.taskChanged();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (runtime.inspect(orphan).isPresent() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL);
        }
        assertThat(runtime.inspect(orphan)).isEmpty();
    }
}
