package io.berth.bench;

import java.time.Duration;
import java.util.List;

/** The task the launch and network benchmarks run, and how long they wait for it. */
final class BenchTask {

    static final String IMAGE = "busybox:latest";
    /** Exits at once on SIGTERM (a bare "sleep 600" as PID 1 ignores it and waits out the stop timeout). */
    static final List<String> COMMAND = List.of("sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait");
    static final int STOP_TIMEOUT_SECONDS = 2;
    /** Berth's labels (ContainerRuntime, SandboxPool): what the settle and wiring checks read on the engine. */
    static final String LABEL_POOL_SESSION = "io.berth.pool-session";
    static final String LABEL_TASK_ARN = "io.berth.task-arn";

    static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);
    static final Duration STOP_WAIT = Duration.ofSeconds(30);
    static final Duration SETTLE_MAX = Duration.ofSeconds(5);

    private BenchTask() {
    }
}
