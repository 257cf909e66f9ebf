package io.berth.bench;

/*
 * Load client of bench/run launch: how long Berth takes from RunTask to a RUNNING task, against a bare
 * Docker Engine create+start of the same image and command as the baseline, and how many tasks per
 * second it launches in a burst. One Berth, one private Docker engine, both started by bench/run launch.
 *
 * Run by bench/run launch (Bench launch), on the test class path (AWS SDK for Java v2, docker-java):
 *   Bench launch --endpoint http://127.0.0.1:P \
 *        --access-key-id ID --secret-access-key SECRET --docker-host unix:///.../docker.sock \
 *        [--tasks 20 --warmup 3 --batches 10 --batch-size 10 --poll-ms 0 --pool-size 2 \
 *         --berth-pid N --dockerd-pid N --berth-log FILE --clock-ticks 100 --cpus 2 --cpu-model TEXT --versions TEXT]
 * (--pool-size: Berth's SANDBOX_POOL_SIZE, which the settle check below waits for.)
 *
 * 1. Latency, sequential and interleaved (one Docker launch, then one Berth launch, repeated), so
 *    that noise from the rest of the machine falls on both alike. Berth: RunTask (FARGATE, awsvpc,
 *    1 container) then DescribeTasks in a tight loop (no sleeps) until lastStatus is RUNNING; the
 *    time runs from just before RunTask to the return of the first DescribeTasks that shows RUNNING.
 *    The task is then stopped (StopTask; its container exits on SIGTERM, stopTimeout 2) and awaited
 *    until STOPPED, outside the measured time. Docker: create (--network none) + start through the
 *    Engine API; the time runs from before create to start returning; the container is then removed.
 *    Before each launch the engine is let settle: nothing in "created" state and Berth's sandbox pool
 *    full again, so that no launch pays for the clean-up or refill of the one before.
 * 2. Throughput: --batches x RunTask(count=--batch-size) back to back, then DescribeTasks every 25 ms
 *    until all are RUNNING; then StopTask for each, and DescribeTasks until all are STOPPED.
 * When --berth-log names Berth's log, its INFO lines "task=ARN lastStatus=S" (millisecond time stamps)
 * split each launch into phases; when it also logs its dispatcher's request lines (bench/run launch
 * BENCH_REQUEST_LOG=1), their "op=ecs:X status=200 micros=N" give the server time of each request.
 * The table goes to stdout, progress to stderr. Exit status 0 when every launch reached RUNNING and
 * every task STOPPED, 2 otherwise; the targets are printed, not asserted.
 */

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.berth.bench.Args.require;
import static io.berth.bench.Stats.ms;
import static io.berth.bench.BenchTask.IMAGE;
import static io.berth.bench.BenchTask.COMMAND;
import static io.berth.bench.BenchTask.STOP_TIMEOUT_SECONDS;
import static io.berth.bench.BenchTask.LABEL_POOL_SESSION;
import static io.berth.bench.BenchTask.LABEL_TASK_ARN;
import static io.berth.bench.BenchTask.LAUNCH_TIMEOUT;
import static io.berth.bench.BenchTask.STOP_WAIT;
import static io.berth.bench.BenchTask.SETTLE_MAX;
import static io.berth.bench.Stats.percentile;
import static io.berth.bench.Stats.progress;

final class LaunchBench {

    static final String CLUSTER = "launch-bench";
    static final String FAMILY = "launch-bench";
    static final String BASELINE_LABEL = "io.berth.bench";

    static final Duration BURST_TIMEOUT = Duration.ofSeconds(90);
    static final long BURST_POLL_MILLIS = 25;

    static final double TARGET_RATIO = 1.5;
    static final double TARGET_EXTRA_MS = 60;

    final EcsClient ecs;
    final DockerClient docker;
    final Map<String, String> args;
    final long berthPid;
    final long dockerdPid;
    final long clockTicks;
    final int poolSize;
    final int cpus;
    final int tasks;
    final int warmup;
    final int batches;
    final int batchSize;
    /** Pause between the DescribeTasks of a measured launch; 0 (the default): a tight loop. */
    final long pollMillis;
    /** Tasks started and not yet seen STOPPED, for the clean-up on errors and interrupts. */
    final Set<String> live = ConcurrentHashMap.newKeySet();
    /** Baseline containers created and not yet removed. */
    final Set<String> baseline = ConcurrentHashMap.newKeySet();
    final List<String> errors = new ArrayList<>();
    String taskDefinitionArn;
    /** A default subnet of the region's default VPC, which Berth makes: RunTask checks that the subnet exists. */
    String subnet;
    /** The machine over one second before the run, Berth and the engine idle. */
    CpuSample background;
    String loadAverage = "?";

    /** One measured Berth launch; times in nanoseconds, wall clock in epoch milliseconds. */
    record BerthLaunch(String taskArn, long wallStartMillis, long runTaskNanos, long runningNanos, int polls,
                       long stopNanos, CpuSample cpu) {
    }

    record DockerLaunch(long createNanos, long totalNanos, CpuSample cpu) {
    }

    record Burst(int tasks, long issueNanos, long firstRunningNanos, long medianRunningNanos, long allRunningNanos,
                 long stopIssueNanos, long allStoppedNanos, CpuSample cpu) {
    }

    /**
     * CPU time (ns) of Berth, of dockerd with its children (containerd), of this client, and of the whole
     * machine (all CPUs busy), at an instant or over a window; {@code other} is the machine's less
     * the three: runc and the containerd shims of the launches, and every other process.
     */
    record CpuSample(long berth, long engine, long client, long machine, long wall) {
        CpuSample minus(CpuSample before) {
            return new CpuSample(berth - before.berth, engine - before.engine, client - before.client,
                    machine - before.machine, wall - before.wall);
        }

        long other() {
            return Math.max(0, machine - berth - engine - client);
        }
    }

    CpuSample cpu() {
        return new CpuSample(processCpuNanos(berthPid), engineCpuNanos(), clientCpuNanos(), machineBusyNanos(),
                System.nanoTime());
    }

    LaunchBench(Map<String, String> args) {
        this.args = args;
        this.berthPid = Long.parseLong(args.getOrDefault("berth-pid", "-1"));
        this.dockerdPid = Long.parseLong(args.getOrDefault("dockerd-pid", "-1"));
        this.clockTicks = Long.parseLong(args.getOrDefault("clock-ticks", "100"));
        this.poolSize = Integer.parseInt(args.getOrDefault("pool-size", "2"));
        this.cpus = Integer.parseInt(args.getOrDefault("cpus",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        this.tasks = Integer.parseInt(args.getOrDefault("tasks", "20"));
        this.warmup = Integer.parseInt(args.getOrDefault("warmup", "3"));
        this.batches = Integer.parseInt(args.getOrDefault("batches", "10"));
        this.batchSize = Integer.parseInt(args.getOrDefault("batch-size", "10"));
        this.pollMillis = Long.parseLong(args.getOrDefault("poll-ms", "0"));
        this.ecs = Clients.aws(EcsClient.builder(), require(args, "endpoint"), args);
        this.docker = Clients.docker(require(args, "docker-host"), 16);
    }

    static int run(String[] argv) throws Exception {
        LaunchBench bench = new LaunchBench(Args.parse(argv));
        // On SIGTERM (bench/run launch's clean-up, a Ctrl-C there): stop what this client started.
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            main.interrupt();
            bench.cleanUp(Duration.ofSeconds(5));
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int status;
        try {
            status = bench.run();
        } finally {
            bench.cleanUp(Duration.ofSeconds(20));
        }
        return status;
    }

    int run() throws InterruptedException {
        CpuSample idle0 = cpu();
        Thread.sleep(1000);
        background = cpu().minus(idle0);
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            loadAverage = String.join(" ", Arrays.asList(load).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        progress("before the run: %.0f%% of the CPUs busy, load average %s", busyPercent(List.of(background)),
                loadAverage);
        setUp();
        List<BerthLaunch> berth = new ArrayList<>();
        List<DockerLaunch> bare = new ArrayList<>();
        for (int i = -warmup; i < tasks; i++) {
            String label = i < 0 ? "warm-up " + (i + warmup + 1) + "/" + warmup : "launch " + (i + 1) + "/" + tasks;
            settle();
            DockerLaunch d = dockerLaunch();
            settle();
            BerthLaunch b = berthLaunch();
            progress("%-14s Docker %6.1f ms | Berth %6.1f ms (RunTask %5.1f ms, %3d polls), stopped in %6.1f ms",
                    label, ms(d.totalNanos()), b == null ? Double.NaN : ms(b.runningNanos()),
                    b == null ? Double.NaN : ms(b.runTaskNanos()), b == null ? 0 : b.polls(),
                    b == null ? Double.NaN : ms(b.stopNanos()));
            if (i >= 0) {
                bare.add(d);
                if (b != null) {
                    berth.add(b);
                }
            }
        }
        settle();
        Burst burst = batches * batchSize > 0 ? burst() : null;
        Map<String, Map<String, Long>> transitions = transitions();
        Map<String, List<Long>> serverMicros = serverMicros();
        report(berth, bare, burst, transitions, serverMicros);
        if (!errors.isEmpty()) {
            progress("%d error(s); first: %s", errors.size(), errors.getFirst());
        }
        return errors.isEmpty() && berth.size() == tasks && (burst != null || batches * batchSize == 0) ? 0 : 2;
    }

    // ---------------------------------------------------------------------------------- set-up

    void setUp() {
        docker.inspectImageCmd(IMAGE).exec(); // fails here, clearly, when bin/test-images did not run
        try (Ec2Client ec2 = Clients.aws(Ec2Client.builder(), require(args, "endpoint"), args)) {
            subnet = ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true").build()))
                    .subnets().getFirst().subnetId();
        }
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        taskDefinitionArn = ecs.registerTaskDefinition(r -> r.family(FAMILY)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app").image(IMAGE).essential(true).command(COMMAND)
                        .stopTimeout(STOP_TIMEOUT_SECONDS).build()))
                .taskDefinition().taskDefinitionArn();
        progress("task definition %s: %s %s, cpu 256, memory 512, awsvpc, stopTimeout %d", taskDefinitionArn, IMAGE,
                COMMAND, STOP_TIMEOUT_SECONDS);
    }

    // ---------------------------------------------------------------------------------- Berth

    /** One RunTask, timed until DescribeTasks shows RUNNING; then StopTask and wait for STOPPED. Null on failure. */
    BerthLaunch berthLaunch() throws InterruptedException {
        CpuSample cpu0 = cpu();
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        RunTaskResponse response = runTask(1);
        long tRun = System.nanoTime();
        if (response.tasks().size() != 1) {
            errors.add("RunTask: " + response.failures());
            return null;
        }
        String arn = response.tasks().getFirst().taskArn();
        live.add(arn);
        int polls = 0;
        long deadline = t0 + LAUNCH_TIMEOUT.toNanos();
        long tRunning;
        while (true) {
            Task task = describe(List.of(arn)).get(arn);
            polls++;
            if (task != null && "RUNNING".equals(task.lastStatus())) {
                tRunning = System.nanoTime();
                break;
            }
            if (task == null || "STOPPED".equals(task.desiredStatus()) || System.nanoTime() > deadline) {
                errors.add("task " + arn + " did not reach RUNNING: " + (task == null ? "missing"
                        : task.lastStatus() + " " + task.stopCode() + " " + task.stoppedReason()
                        + " " + task.containers().stream().map(c -> c.name() + ": " + c.reason()).toList()));
                stopAndWait(List.of(arn));
                return null;
            }
            if (pollMillis > 0) {
                Thread.sleep(pollMillis);
            }
        }
        CpuSample cpu = cpu().minus(cpu0);
        long s0 = System.nanoTime();
        stopAndWait(List.of(arn));
        long s1 = System.nanoTime();
        return new BerthLaunch(arn, wall0, tRun - t0, tRunning - t0, polls, s1 - s0, cpu);
    }

    RunTaskResponse runTask(int count) {
        return ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(taskDefinitionArn).launchType(LaunchType.FARGATE)
                .count(count).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))));
    }

    /** DescribeTasks for up to 100 tasks, by ARN. */
    Map<String, Task> describe(List<String> arns) {
        Map<String, Task> tasks = new HashMap<>();
        for (int from = 0; from < arns.size(); from += 100) {
            List<String> chunk = arns.subList(from, Math.min(arns.size(), from + 100));
            DescribeTasksResponse response = ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(chunk));
            for (Task task : response.tasks()) {
                tasks.put(task.taskArn(), task);
            }
        }
        return tasks;
    }

    /** StopTask for each, then DescribeTasks (every 10 ms) until all are STOPPED; false on timeout. */
    boolean stopAndWait(List<String> arns) throws InterruptedException {
        for (String arn : arns) {
            ecs.stopTask(r -> r.cluster(CLUSTER).task(arn).reason("bench/run launch"));
        }
        return awaitStatus(arns, "STOPPED", 10, STOP_WAIT, null);
    }

    /**
     * Polls until every task shows the status (STOPPED also ends a wait for RUNNING, as a failure);
     * records in {@code seen} when each task was first seen so. False on timeout or failure.
     */
    boolean awaitStatus(List<String> arns, String status, long pauseMillis, Duration timeout, Map<String, Long> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> pending = new LinkedHashSet<>(arns);
        while (true) {
            Map<String, Task> tasks = describe(List.copyOf(pending));
            long now = System.nanoTime();
            for (String arn : List.copyOf(pending)) {
                Task task = tasks.get(arn);
                if (task == null) {
                    continue;
                }
                if (status.equals(task.lastStatus())) {
                    pending.remove(arn);
                    if (seen != null) {
                        seen.put(arn, now);
                    }
                    if ("STOPPED".equals(status)) {
                        live.remove(arn);
                    }
                } else if ("RUNNING".equals(status) && "STOPPED".equals(task.desiredStatus())) {
                    errors.add("task " + arn + " stopped before RUNNING: " + task.stopCode() + " "
                            + task.stoppedReason());
                    return false;
                }
            }
            if (pending.isEmpty()) {
                return true;
            }
            if (now > deadline) {
                String example = pending.iterator().next();
                Task task = tasks.get(example);
                errors.add(pending.size() + " task(s) not " + status + " after " + timeout.toSeconds() + " s, e.g. "
                        + example + " " + (task == null ? "missing" : task.lastStatus()));
                return false;
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    // ---------------------------------------------------------------------------------- Docker

    /** A bare create (--network none) + start of the same image and command, timed; then removed. */
    DockerLaunch dockerLaunch() {
        CpuSample cpu0 = cpu();
        long t0 = System.nanoTime();
        String id = docker.createContainerCmd(IMAGE)
                .withCmd(COMMAND)
                .withLabels(Map.of(BASELINE_LABEL, "launch"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        long tCreated = System.nanoTime();
        baseline.add(id);
        docker.startContainerCmd(id).exec();
        long t1 = System.nanoTime();
        CpuSample cpu = cpu().minus(cpu0);
        removeBaseline(id);
        return new DockerLaunch(tCreated - t0, t1 - t0, cpu);
    }

    void removeBaseline(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // Already gone.
        }
        baseline.remove(id);
    }

    /**
     * Waits (at most 5 s) until the engine is quiet: no container half made ("created"), none of
     * Berth's task containers running, and Berth's sandbox pool full again.
     */
    void settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        while (System.nanoTime() < deadline) {
            List<Container> all = docker.listContainersCmd().withShowAll(true).exec();
            boolean busy = false;
            int spares = 0;
            for (Container c : all) {
                Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
                String state = String.valueOf(c.getState());
                if (state.equals("created") || state.equals("restarting") || state.equals("removing")
                        || labels.containsKey(BASELINE_LABEL)
                        || state.equals("running") && labels.containsKey(LABEL_TASK_ARN)) {
                    busy = true;
                }
                if (state.equals("running") && labels.containsKey(LABEL_POOL_SESSION)) {
                    spares++;
                }
            }
            if (!busy && spares >= poolSize) {
                Thread.sleep(20);
                return;
            }
            Thread.sleep(10);
        }
        progress("the engine did not settle within %d s; measuring anyway", SETTLE_MAX.toSeconds());
    }

    // ---------------------------------------------------------------------------------- throughput

    Burst burst() throws InterruptedException {
        int total = batches * batchSize;
        progress("burst: %d x RunTask(count=%d) back to back ...", batches, batchSize);
        CpuSample cpu0 = cpu();
        long t0 = System.nanoTime();
        List<String> arns = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            RunTaskResponse response = runTask(batchSize);
            if (!response.failures().isEmpty()) {
                errors.add("burst RunTask failures: " + response.failures());
            }
            for (Task task : response.tasks()) {
                arns.add(task.taskArn());
                live.add(task.taskArn());
            }
        }
        long tIssued = System.nanoTime();
        Map<String, Long> seen = new HashMap<>();
        boolean running = arns.size() == total && awaitStatus(arns, "RUNNING", BURST_POLL_MILLIS, BURST_TIMEOUT, seen);
        long tRunning = System.nanoTime();
        CpuSample cpu = cpu().minus(cpu0);
        progress("burst: %d/%d RUNNING after %.2f s; stopping them all ...", seen.size(), total, (tRunning - t0) / 1e9);
        long s0 = System.nanoTime();
        for (String arn : arns) {
            ecs.stopTask(r -> r.cluster(CLUSTER).task(arn).reason("bench/run launch"));
        }
        long sIssued = System.nanoTime();
        boolean stopped = awaitStatus(arns, "STOPPED", BURST_POLL_MILLIS, BURST_TIMEOUT, null);
        long s1 = System.nanoTime();
        progress("burst: %s %.2f s after the first StopTask", stopped ? "all STOPPED" : "NOT all stopped",
                (s1 - s0) / 1e9);
        if (!running || !stopped) {
            return null;
        }
        List<Long> times = seen.values().stream().map(t -> t - t0).sorted().toList();
        return new Burst(total, tIssued - t0, times.getFirst(), percentile(times, 0.50), tRunning - t0, sIssued - s0,
                s1 - s0, cpu);
    }

    // ---------------------------------------------------------------------------------- Berth's log

    static final Pattern TRANSITION = Pattern.compile(
            "^(\\S+)\\s+INFO\\s+\\S+\\s+task=(\\S+) lastStatus=(\\S+) desiredStatus=\\S+");
    static final Pattern REQUEST = Pattern.compile("op=(?:\\w+:)?(\\w+) status=200 micros=(\\d+)");

    /** Task ARN to status to the epoch milliseconds Berth logged the task moving there. */
    Map<String, Map<String, Long>> transitions() {
        Map<String, Map<String, Long>> transitions = new HashMap<>();
        for (String line : logLines()) {
            Matcher m = TRANSITION.matcher(line);
            if (m.find()) {
                try {
                    long at = OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli();
                    transitions.computeIfAbsent(m.group(2), k -> new HashMap<>()).putIfAbsent(m.group(3), at);
                } catch (RuntimeException e) {
                    // Not a time stamp after all.
                }
            }
        }
        return transitions;
    }

    /** Operation to the server-side microseconds of each of its requests (logged at debug level only). */
    Map<String, List<Long>> serverMicros() {
        Map<String, List<Long>> micros = new HashMap<>();
        for (String line : logLines()) {
            Matcher m = REQUEST.matcher(line);
            if (m.find()) {
                micros.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
            }
        }
        return micros;
    }

    List<String> logLines() {
        String file = args.get("berth-log");
        if (file == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------------------------- report

    void report(List<BerthLaunch> berth, List<DockerLaunch> bare, Burst burst,
                Map<String, Map<String, Long>> transitions, Map<String, List<Long>> serverMicros) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("Berth RunTask -> RUNNING vs a bare Docker Engine create+start; launch throughput\n");
        out.append("machine: ").append(cpus).append(" CPUs (nproc)");
        if (args.containsKey("cpu-model")) {
            out.append(", ").append(args.get("cpu-model"));
        }
        out.append("; the load client (java ").append(Runtime.version().feature())
                .append("), Berth and dockerd+containerd all share these ").append(cpus).append(" CPUs\n");
        if (args.containsKey("versions")) {
            out.append("versions: ").append(args.get("versions")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "task: FARGATE, awsvpc (%s), cpu 256 / memory 512, 1 container %s %s, "
                + "stopTimeout %d%n", subnet, IMAGE, COMMAND, STOP_TIMEOUT_SECONDS));
        out.append(String.format(Locale.ROOT, "latency: %d launches of each, sequential, Docker and Berth interleaved, "
                        + "after %d warm-up launches of each (not counted); engine settled before each launch%n",
                tasks, warmup));
        out.append("  Berth: RunTask, then DescribeTasks ")
                .append(pollMillis > 0 ? "every " + pollMillis + " ms" : "in a tight loop")
                .append("; time from before RunTask to the first DescribeTasks showing RUNNING; then StopTask, "
                        + "awaited untimed\n");
        out.append("  Docker: Engine API create (--network none) + start via docker-java; time from before create "
                + "to start returning; then removed\n\n");

        List<Long> b = berth.stream().map(BerthLaunch::runningNanos).sorted().toList();
        List<Long> d = bare.stream().map(DockerLaunch::totalNanos).sorted().toList();
        String header = String.format(Locale.ROOT, "%-30s %5s %9s %9s %9s %9s", "", "n", "median ms", "p99 ms",
                "min ms", "max ms");
        out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        out.append(row("Berth RunTask -> RUNNING", b));
        out.append(row("Docker create+start", d));
        double ratio = Double.NaN;
        double extra = Double.NaN;
        if (!b.isEmpty() && !d.isEmpty()) {
            ratio = (double) percentile(b, 0.50) / percentile(d, 0.50);
            extra = ms(percentile(b, 0.50) - percentile(d, 0.50));
            out.append(String.format(Locale.ROOT, "%-30s %5s %9s %9s%n", "Berth / Docker", "",
                    String.format(Locale.ROOT, "%.2fx", ratio),
                    String.format(Locale.ROOT, "%.2fx", (double) percentile(b, 0.99) / percentile(d, 0.99))));
            out.append(String.format(Locale.ROOT, "%-30s %5s %9s %9s%n", "Berth - Docker (ms)", "",
                    String.format(Locale.ROOT, "%+.1f", extra),
                    String.format(Locale.ROOT, "%+.1f", ms(percentile(b, 0.99) - percentile(d, 0.99)))));
        }
        out.append("p99 by nearest rank: with up to 100 launches, the slowest one\n\n");

        if (!berth.isEmpty()) {
            out.append(String.format(Locale.ROOT, "Berth launch, medians: RunTask answered in %.1f ms; "
                            + "%d DescribeTasks per launch; StopTask -> STOPPED %.0f ms (max %.0f)%n",
                    ms(median(berth, BerthLaunch::runTaskNanos)), median(berth, l -> l.polls()),
                    ms(median(berth, BerthLaunch::stopNanos)),
                    ms(berth.stream().mapToLong(BerthLaunch::stopNanos).max().orElse(0))));
            String phases = phases(berth, transitions);
            if (phases != null) {
                out.append("Berth launch phases (medians, from Berth's log, ms resolution): ").append(phases)
                        .append('\n');
            }
        }
        if (!bare.isEmpty()) {
            out.append(String.format(Locale.ROOT, "Docker launch, medians: create %.1f ms, start %.1f ms%n",
                    ms(median(bare, DockerLaunch::createNanos)),
                    ms(median(bare, l -> l.totalNanos() - l.createNanos()))));
        }
        if (!serverMicros.isEmpty()) {
            List<String> ops = new ArrayList<>();
            for (String op : List.of("RunTask", "DescribeTasks", "StopTask")) {
                List<Long> micros = serverMicros.getOrDefault(op, List.of()).stream().sorted().toList();
                if (!micros.isEmpty()) {
                    ops.add(String.format(Locale.ROOT, "%s %.2f ms (n %d)", op, percentile(micros, 0.50) / 1e3,
                            micros.size()));
                }
            }
            out.append("Berth server time per request (medians over the run): ").append(String.join(", ", ops))
                    .append('\n');
        }
        out.append("CPU per launch (ms, mean; 'other' = runc, the containerd shims and every other process):\n");
        if (!berth.isEmpty()) {
            out.append(cpuLine("Berth launch: ", berth.stream().map(BerthLaunch::cpu).toList()));
        }
        if (!bare.isEmpty()) {
            out.append(cpuLine("Docker launch:", bare.stream().map(DockerLaunch::cpu).toList()));
        }
        out.append(String.format(Locale.ROOT, "  before the run, Berth and the engine idle: %.0f%% of %d CPUs busy "
                + "(load average %s)%n", busyPercent(List.of(background)), cpus, loadAverage));

        out.append('\n');
        if (burst != null) {
            out.append(String.format(Locale.ROOT, "throughput: %d tasks (%d x RunTask(count=%d) back to back) RUNNING "
                            + "%.2f s after the first RunTask = %.1f tasks/s%n", burst.tasks(), batches, batchSize,
                    burst.allRunningNanos() / 1e9, burst.tasks() / (burst.allRunningNanos() / 1e9)));
            out.append(String.format(Locale.ROOT, "  RunTask calls took %.0f ms in all; first task RUNNING at %.2f s, "
                            + "median at %.2f s, last at %.2f s (DescribeTasks every %d ms)%n",
                    ms(burst.issueNanos()), burst.firstRunningNanos() / 1e9, burst.medianRunningNanos() / 1e9,
                    burst.allRunningNanos() / 1e9, BURST_POLL_MILLIS));
            CpuSample c = burst.cpu();
            out.append(String.format(Locale.ROOT, "  CPU until all RUNNING (s): Berth %.1f, dockerd+containerd %.1f, "
                            + "client %.1f, other %.1f (%.0f%% of %d CPUs busy)%n", c.berth() / 1e9, c.engine() / 1e9,
                    c.client() / 1e9, c.other() / 1e9, busyPercent(List.of(c)), cpus));
            out.append(String.format(Locale.ROOT, "  then %d x StopTask (%.0f ms): all STOPPED %.2f s after the first "
                    + "StopTask%n", burst.tasks(), ms(burst.stopIssueNanos()), burst.allStoppedNanos() / 1e9));
        } else if (batches * batchSize == 0) {
            out.append("throughput: not measured (no batches)\n");
        } else {
            out.append("throughput: FAILED (see the errors)\n");
        }

        out.append('\n').append(String.format(Locale.ROOT,
                "targets (printed, not asserted): Berth median <= %.1fx Docker's: %s (%.2fx) | "
                        + "Berth median <= Docker's + %.0f ms: %s (%+.1f ms)%n",
                TARGET_RATIO, ratio <= TARGET_RATIO ? "MET" : "MISSED", ratio, TARGET_EXTRA_MS,
                extra <= TARGET_EXTRA_MS ? "MET" : "MISSED", extra));
        if (!errors.isEmpty()) {
            out.append("errors: ").append(errors.size()).append(", first: ").append(errors.getFirst()).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    String cpuLine(String name, List<CpuSample> windows) {
        return String.format(Locale.ROOT, "  %s Berth %.0f, dockerd+containerd %.0f, client %.0f, other %.0f "
                        + "(%.0f%% of %d CPUs busy over the launch)%n", name,
                windows.stream().mapToLong(CpuSample::berth).average().orElse(0) / 1e6,
                windows.stream().mapToLong(CpuSample::engine).average().orElse(0) / 1e6,
                windows.stream().mapToLong(CpuSample::client).average().orElse(0) / 1e6,
                windows.stream().mapToLong(CpuSample::other).average().orElse(0) / 1e6, busyPercent(windows), cpus);
    }

    /** How busy the machine's CPUs were over the windows, in percent of all of them. */
    double busyPercent(List<CpuSample> windows) {
        long machine = windows.stream().mapToLong(CpuSample::machine).sum();
        long wall = windows.stream().mapToLong(CpuSample::wall).sum();
        return wall <= 0 ? Double.NaN : 100.0 * machine / wall / cpus;
    }

    static String row(String name, List<Long> sorted) {
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-30s %5d%n", name, 0);
        }
        return String.format(Locale.ROOT, "%-30s %5d %9.1f %9.1f %9.1f %9.1f%n", name, sorted.size(),
                ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)), ms(sorted.getFirst()), ms(sorted.getLast()));
    }

    /** RunTask -> PENDING -> ACTIVATING -> RUNNING -> seen by the client, from the log's transitions. */
    static String phases(List<BerthLaunch> launches, Map<String, Map<String, Long>> transitions) {
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        for (String phase : List.of("RunTask->PENDING", "PENDING->ACTIVATING", "ACTIVATING->RUNNING",
                "RUNNING->seen")) {
            phases.put(phase, new ArrayList<>());
        }
        for (BerthLaunch launch : launches) {
            Map<String, Long> t = transitions.get(launch.taskArn());
            if (t == null || !t.keySet().containsAll(List.of("PENDING", "ACTIVATING", "RUNNING"))) {
                continue;
            }
            long seen = launch.wallStartMillis() + launch.runningNanos() / 1_000_000;
            phases.get("RunTask->PENDING").add(t.get("PENDING") - launch.wallStartMillis());
            phases.get("PENDING->ACTIVATING").add(t.get("ACTIVATING") - t.get("PENDING"));
            phases.get("ACTIVATING->RUNNING").add(t.get("RUNNING") - t.get("ACTIVATING"));
            phases.get("RUNNING->seen").add(seen - t.get("RUNNING"));
        }
        if (phases.get("RunTask->PENDING").isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        phases.forEach((name, values) -> parts.add(String.format(Locale.ROOT, "%s %d ms", name,
                percentile(values.stream().sorted().toList(), 0.50))));
        return String.join(" | ", parts) + " (n " + phases.get("RunTask->PENDING").size() + ")";
    }

    // ---------------------------------------------------------------------------------- clean-up

    /** Stops every task still live and removes every baseline container, within the time given. */
    synchronized void cleanUp(Duration within) {
        if (live.isEmpty() && baseline.isEmpty()) {
            return;
        }
        Thread worker = Thread.ofPlatform().daemon().start(() -> {
            for (String id : List.copyOf(baseline)) {
                try {
                    removeBaseline(id);
                } catch (RuntimeException e) {
                    // The engine may be going away.
                }
            }
            List<String> tasks = List.copyOf(live);
            if (!tasks.isEmpty()) {
                progress("stopping %d task(s) left running", tasks.size());
                try {
                    stopAndWait(tasks);
                } catch (RuntimeException | InterruptedException e) {
                    // Berth may be going away; bench/run launch removes the containers.
                }
            }
        });
        try {
            worker.join(within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------- CPU

    long processCpuNanos(long pid) {
        long ticks = Cpu.processTicks(pid);
        return ticks < 0 ? 0 : ticks * 1_000_000_000L / clockTicks;
    }

    /** dockerd and its children (containerd). */
    long engineCpuNanos() {
        if (dockerdPid <= 0) {
            return 0;
        }
        long total = processCpuNanos(dockerdPid);
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && Cpu.parentPid(Long.parseLong(name)) == dockerdPid) {
                    total += processCpuNanos(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** Busy time of all CPUs (user, nice, system, irq, softirq, steal); 0 if unknown. */
    long machineBusyNanos() {
        long ticks = Cpu.machineBusyTicks();
        return ticks < 0 ? 0 : ticks * 1_000_000_000L / clockTicks;
    }

    static long clientCpuNanos() {
        return Math.max(0, Cpu.clientCpuNanos());
    }

    // ---------------------------------------------------------------------------------- numbers

    static <T> long median(Collection<T> items, ToLongFunction<T> value) {
        return percentile(items.stream().map(value::applyAsLong).sorted().toList(), 0.50);
    }
}
