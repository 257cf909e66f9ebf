package io.berth.bench;

/*
 * Load client of bench/run network: how much Berth's per-task network set-up (a veth pair into the task's
 * namespace with its address and MAC, and an iptables firewall built from its security groups) adds
 * to RunTask -> RUNNING. Two Berths on one private Docker engine, both started by bench/run network: one
 * with --task-network on, the baseline with --task-network off (addresses in the API only, no
 * interface, no firewall); everything else is the same.
 *
 * Run by bench/run network (Bench network), on the test class path (AWS SDK for Java v2, docker-java):
 *   Bench network --on-endpoint http://127.0.0.1:P \
 *        --off-endpoint http://127.0.0.1:Q --access-key-id ID --secret-access-key SECRET \
 *        --docker-host unix:///.../docker.sock --cidr 10.N.0.0/16 --vpc-file FILE --task-file FILE \
 *        [--tasks 20 --warmup 3 --anchor 1 --pool-size 2 --on-log FILE --off-log FILE \
 *         --cpus 2 --cpu-model TEXT --versions TEXT]
 *
 * Set-up, on each Berth alike: its own VPC (--cidr), a /24 subnet in it, a security group with three
 * ingress rules (tcp 80 from anywhere, tcp 8080-8090 from the VPC, everything from members of the
 * group itself) and the default allow-all egress, a cluster and a FARGATE task definition. With
 * --anchor 1 (the default) one task per Berth runs through the whole measurement, so that the VPC's
 * bridge, which the on Berth makes with a VPC's first interface and removes with its last, stays up:
 * what is measured is the per-task set-up. With --anchor 0 every launch of the on Berth also makes
 * the bridge (and the stop removes it).
 *
 * Measurement: warm-up launches, then --tasks measured launches on each Berth, sequential and
 * interleaved (on, off, off, on, on, off, ...: the order alternates), so that noise from the rest of
 * the machine falls on both alike. A launch: RunTask then DescribeTasks in a tight loop until
 * lastStatus is RUNNING; the time runs from just before RunTask to the return of the first
 * DescribeTasks showing RUNNING. The task is then stopped (StopTask; its container exits on SIGTERM)
 * and awaited until STOPPED, outside the measured time, so only one measured task runs at a time.
 * Before each launch the engine is let settle: no container half made, no measured task's container
 * running, and both Berths' sandbox pools full again.
 * The first warm-up launch of each Berth is checked, while RUNNING: for on, the task's host end of
 * the veth pair exists, eth0 in the task's namespace has the task's address, and the namespace has
 * an iptables ruleset; for off, none of them. A failed check is an error.
 *
 * The on Berth's VPC ids (DescribeVpcs) go to --vpc-file and the ids of the tasks it ran to
 * --task-file, as soon as known, so that bench/run network can remove the bridges and interfaces Berth
 * leaves when it is stopped. The table goes to stdout, progress to stderr. Exit status 0 when every
 * launch reached RUNNING and every check passed, 2 otherwise; the target is printed, not asserted.
 */

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.berth.bench.Args.require;
import static io.berth.bench.Stats.median;
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

final class NetworkBench {

    static final String CLUSTER = "network-bench";
    static final String FAMILY = "network-bench";
    static final String LABEL_CONTAINER = "io.berth.container";

    static final double TARGET_ADDED_MS = 30;

    /** One Berth and what the bench made in it. */
    final class Side {
        final String name;
        final boolean network;
        final EcsClient ecs;
        final Ec2Client ec2;
        final String logFile;
        final Set<String> live = ConcurrentHashMap.newKeySet();
        final List<Launch> launches = new ArrayList<>();
        String vpcId;
        String subnetId;
        String groupId;
        String taskDefinitionArn;
        String anchorArn;
        String check = "not checked";

        Side(String name, boolean network, String endpoint, String logFile) {
            this.name = name;
            this.network = network;
            this.ecs = Clients.aws(EcsClient.builder(), endpoint, args);
            this.ec2 = Clients.aws(Ec2Client.builder(), endpoint, args);
            this.logFile = logFile;
        }
    }

    /** One measured launch; times in nanoseconds, wall clock in epoch milliseconds. */
    record Launch(String taskArn, long wallStartMillis, long runTaskNanos, long runningNanos, int polls,
                  long stopNanos) {
    }

    final Map<String, String> args;
    final DockerClient docker;
    final Side on;
    final Side off;
    final int tasks;
    final int warmup;
    final int poolSize;
    final boolean anchor;
    final String cidr;
    final String subnetCidr;
    final List<String> errors = new ArrayList<>();

    NetworkBench(Map<String, String> args) {
        this.args = args;
        this.tasks = Integer.parseInt(args.getOrDefault("tasks", "20"));
        this.warmup = Integer.parseInt(args.getOrDefault("warmup", "3"));
        this.poolSize = Integer.parseInt(args.getOrDefault("pool-size", "2"));
        this.anchor = !"0".equals(args.getOrDefault("anchor", "1"));
        this.cidr = require(args, "cidr");
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)\\.0\\.0/16$").matcher(cidr);
        if (!m.matches()) {
            throw new IllegalArgumentException("--cidr must be A.B.0.0/16, not " + cidr);
        }
        this.subnetCidr = m.group(1) + "." + m.group(2) + ".1.0/24";
        this.docker = Clients.docker(require(args, "docker-host"), 8);
        this.on = new Side("on", true, require(args, "on-endpoint"), args.get("on-log"));
        this.off = new Side("off", false, require(args, "off-endpoint"), args.get("off-log"));
    }

    static int run(String[] argv) throws Exception {
        NetworkBench bench = new NetworkBench(Args.parse(argv));
        // On SIGTERM (bench/run network's clean-up, a Ctrl-C there): stop what this client started.
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            main.interrupt();
            bench.cleanUp(Duration.ofSeconds(8));
        }));
        int status;
        try {
            status = bench.run();
        } finally {
            bench.cleanUp(Duration.ofSeconds(30));
        }
        return status;
    }

    int run() throws InterruptedException {
        docker.inspectImageCmd(IMAGE).exec(); // fails here, clearly, when bin/test-images did not run
        setUp(on);
        setUp(off);
        if (anchor) {
            startAnchor(on);
            startAnchor(off);
        }
        for (int i = -warmup; i < tasks; i++) {
            String label = i < 0 ? "warm-up " + (i + warmup + 1) + "/" + warmup : "launch " + (i + 1) + "/" + tasks;
            boolean verify = i == -warmup;
            // Alternate which Berth goes first: on off | off on | on off ...
            List<Side> order = Math.floorMod(i, 2) == 0 ? List.of(on, off) : List.of(off, on);
            Map<Side, Launch> results = new HashMap<>();
            for (Side side : order) {
                settle();
                results.put(side, launch(side, verify));
            }
            Launch a = results.get(on);
            Launch b = results.get(off);
            progress("%-14s on %6.1f ms | off %6.1f ms | stopped in %6.1f / %6.1f ms", label,
                    a == null ? Double.NaN : ms(a.runningNanos()), b == null ? Double.NaN : ms(b.runningNanos()),
                    a == null ? Double.NaN : ms(a.stopNanos()), b == null ? Double.NaN : ms(b.stopNanos()));
            if (i >= 0) {
                if (a != null) {
                    on.launches.add(a);
                }
                if (b != null) {
                    off.launches.add(b);
                }
            }
        }
        report();
        if (!errors.isEmpty()) {
            progress("%d error(s); first: %s", errors.size(), errors.getFirst());
        }
        return errors.isEmpty() && on.launches.size() == tasks && off.launches.size() == tasks ? 0 : 2;
    }

    // ---------------------------------------------------------------------------------- set-up

    void setUp(Side side) {
        side.vpcId = side.ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        if (side.network) {
            // Every VPC of the on Berth (its default VPC too), for the clean-up of their bridges.
            List<String> vpcs = side.ec2.describeVpcs(r -> { }).vpcs().stream().map(Vpc::vpcId).toList();
            write(require(args, "vpc-file"), vpcs);
        }
        side.subnetId = side.ec2.createSubnet(r -> r.vpcId(side.vpcId).cidrBlock(subnetCidr)).subnet().subnetId();
        side.groupId = side.ec2.createSecurityGroup(r -> r.vpcId(side.vpcId).groupName("network-bench")
                .description("bench/run network: a few ingress rules for the task firewall")).groupId();
        side.ec2.authorizeSecurityGroupIngress(r -> r.groupId(side.groupId).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build(),
                IpPermission.builder().ipProtocol("tcp").fromPort(8080).toPort(8090)
                        .ipRanges(IpRange.builder().cidrIp(cidr).build()).build(),
                IpPermission.builder().ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(side.groupId).build()).build()));
        side.ecs.createCluster(r -> r.clusterName(CLUSTER));
        side.taskDefinitionArn = side.ecs.registerTaskDefinition(r -> r.family(FAMILY)
                        .requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode(NetworkMode.AWSVPC)
                        .cpu("256").memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app").image(IMAGE).essential(true).command(COMMAND)
                                .stopTimeout(STOP_TIMEOUT_SECONDS).build()))
                .taskDefinition().taskDefinitionArn();
        progress("%s: %s, subnet %s (%s), security group %s, task definition %s", side.name, side.vpcId,
                side.subnetId, subnetCidr, side.groupId, side.taskDefinitionArn);
    }

    void startAnchor(Side side) throws InterruptedException {
        RunTaskResponse response = runTask(side);
        if (response.tasks().size() != 1) {
            throw new IllegalStateException(side.name + ": the anchor task did not start: " + response.failures());
        }
        side.anchorArn = response.tasks().getFirst().taskArn();
        noteTask(side, side.anchorArn);
        if (!awaitStatus(side, List.of(side.anchorArn), "RUNNING")) {
            throw new IllegalStateException(side.name + ": the anchor task did not reach RUNNING: " + errors.getLast());
        }
        progress("%s: anchor task %s RUNNING", side.name, side.anchorArn);
    }

    RunTaskResponse runTask(Side side) {
        return side.ecs.runTask(r -> r.cluster(CLUSTER).taskDefinition(side.taskDefinitionArn)
                .launchType(LaunchType.FARGATE).count(1)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(side.subnetId)
                        .securityGroups(side.groupId).assignPublicIp(AssignPublicIp.DISABLED))));
    }

    /** Records a task of the on Berth for bench/run network's clean-up of its interfaces. */
    void noteTask(Side side, String arn) {
        side.live.add(arn);
        if (side.network) {
            append(require(args, "task-file"), arn.substring(arn.lastIndexOf('/') + 1));
        }
    }

    // ---------------------------------------------------------------------------------- launches

    /** One RunTask, timed until DescribeTasks shows RUNNING; then StopTask and wait for STOPPED. Null on failure. */
    Launch launch(Side side, boolean verify) throws InterruptedException {
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        RunTaskResponse response = runTask(side);
        long tRun = System.nanoTime();
        if (response.tasks().size() != 1) {
            errors.add(side.name + ": RunTask: " + response.failures());
            return null;
        }
        String arn = response.tasks().getFirst().taskArn();
        noteTask(side, arn);
        int polls = 0;
        long deadline = t0 + LAUNCH_TIMEOUT.toNanos();
        long tRunning;
        Task task;
        while (true) {
            task = describe(side, arn);
            polls++;
            if (task != null && "RUNNING".equals(task.lastStatus())) {
                tRunning = System.nanoTime();
                break;
            }
            if (task == null || "STOPPED".equals(task.desiredStatus()) || System.nanoTime() > deadline) {
                errors.add(side.name + ": task " + arn + " did not reach RUNNING: " + (task == null ? "missing"
                        : task.lastStatus() + " " + task.stopCode() + " " + task.stoppedReason()
                        + " " + task.containers().stream().map(c -> c.name() + ": " + c.reason()).toList()));
                stopAndWait(side, List.of(arn));
                return null;
            }
        }
        if (verify) {
            checkWiring(side, task);
        }
        long s0 = System.nanoTime();
        stopAndWait(side, List.of(arn));
        long s1 = System.nanoTime();
        return new Launch(arn, wall0, tRun - t0, tRunning - t0, polls, s1 - s0);
    }

    Task describe(Side side, String arn) {
        List<Task> found = side.ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(arn)).tasks();
        return found.isEmpty() ? null : found.getFirst();
    }

    /** StopTask for each, then DescribeTasks (every 10 ms) until all are STOPPED; false on timeout. */
    boolean stopAndWait(Side side, List<String> arns) throws InterruptedException {
        for (String arn : arns) {
            side.ecs.stopTask(r -> r.cluster(CLUSTER).task(arn).reason("bench/run network"));
        }
        return awaitStatus(side, arns, "STOPPED");
    }

    /** Polls every 10 ms until every task shows the status (STOPPED ends a wait for RUNNING, as a failure). */
    boolean awaitStatus(Side side, List<String> arns, String status) throws InterruptedException {
        long deadline = System.nanoTime() + (status.equals("STOPPED") ? STOP_WAIT : LAUNCH_TIMEOUT).toNanos();
        Set<String> pending = new LinkedHashSet<>(arns);
        while (true) {
            for (Task task : side.ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(List.copyOf(pending))).tasks()) {
                if (status.equals(task.lastStatus())) {
                    pending.remove(task.taskArn());
                    if (status.equals("STOPPED")) {
                        side.live.remove(task.taskArn());
                    }
                } else if (status.equals("RUNNING") && "STOPPED".equals(task.desiredStatus())) {
                    errors.add(side.name + ": task " + task.taskArn() + " stopped before RUNNING: " + task.stopCode()
                            + " " + task.stoppedReason());
                    return false;
                }
            }
            if (pending.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                errors.add(side.name + ": " + pending.size() + " task(s) not " + status + " in time, e.g. "
                        + pending.iterator().next());
                return false;
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits (at most 5 s) until the engine is quiet: no container half made, no measured task's
     * container running (the anchors run throughout), and both Berths' sandbox pools full again.
     */
    void settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        Set<String> anchors = new LinkedHashSet<>();
        for (Side side : List.of(on, off)) {
            if (side.anchorArn != null) {
                anchors.add(side.anchorArn);
            }
        }
        while (System.nanoTime() < deadline) {
            boolean busy = false;
            int spares = 0;
            for (Container c : docker.listContainersCmd().withShowAll(true).exec()) {
                Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
                String state = String.valueOf(c.getState());
                if (state.equals("created") || state.equals("restarting") || state.equals("removing")
                        || state.equals("running") && labels.containsKey(LABEL_TASK_ARN)
                        && !anchors.contains(labels.get(LABEL_TASK_ARN))) {
                    busy = true;
                }
                if (state.equals("running") && labels.containsKey(LABEL_POOL_SESSION)) {
                    spares++;
                }
            }
            if (!busy && spares >= 2 * poolSize) {
                Thread.sleep(20);
                return;
            }
            Thread.sleep(10);
        }
        progress("the engine did not settle within %d s; measuring anyway", SETTLE_MAX.toSeconds());
    }

    // ---------------------------------------------------------------------------------- wiring check

    /**
     * Whether the task got what its Berth promises: on, the host end of its veth pair, eth0 with its
     * address in its namespace and a firewall there; off, none of them. Read from the host (root).
     */
    void checkWiring(Side side, Task task) {
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String hostEnd = "bt" + taskId.substring(0, Math.min(12, taskId.length()));
        String address = task.containers().stream().flatMap(c -> c.networkInterfaces().stream())
                .map(n -> n.privateIpv4Address()).filter(a -> a != null).findFirst().orElse(null);
        boolean hostEndThere = Files.exists(Path.of("/sys/class/net", hostEnd));
        String namespace;
        try {
            List<Container> app = docker.listContainersCmd()
                    .withLabelFilter(Map.of(LABEL_TASK_ARN, task.taskArn(), LABEL_CONTAINER, "app")).exec();
            Long pid = docker.inspectContainerCmd(app.getFirst().getId()).exec().getState().getPidLong();
            namespace = "/proc/" + pid + "/ns/net";
        } catch (RuntimeException e) {
            errors.add(side.name + ": wiring check: cannot find the task's container: " + e.getMessage());
            side.check = "FAILED (no container)";
            return;
        }
        String addresses = command("nsenter", "--net=" + namespace, "ip", "-o", "-4", "addr", "show");
        String eth0 = addresses.lines().filter(l -> l.contains(" eth0 ")).map(l -> l.replaceAll(".* inet (\\S+).*", "$1"))
                .findFirst().orElse(null);
        // Berth restores with the legacy (xtables) tools where they are installed, nftables' otherwise.
        long rules = (command("nsenter", "--net=" + namespace, "iptables-save")
                + (Files.isExecutable(Path.of("/usr/sbin/iptables-legacy-save"))
                ? command("nsenter", "--net=" + namespace, "iptables-legacy-save") : "")).lines()
                .filter(l -> l.startsWith("-A ")).count();
        boolean ok;
        if (side.network) {
            ok = hostEndThere && eth0 != null && address != null && eth0.startsWith(address + "/") && rules > 0;
            side.check = String.format(Locale.ROOT, "%s: host end %s %s, eth0 %s (API: %s), %d iptables rules",
                    ok ? "ok" : "FAILED", hostEnd, hostEndThere ? "present" : "MISSING", eth0 == null ? "MISSING" : eth0,
                    address, rules);
        } else {
            ok = !hostEndThere && eth0 == null && rules == 0 && address != null;
            side.check = String.format(Locale.ROOT, "%s: no host end%s, %s, %d iptables rules (API address %s)",
                    ok ? "ok" : "FAILED", hostEndThere ? " (BUT " + hostEnd + " EXISTS)" : "",
                    eth0 == null ? "no eth0" : "eth0 " + eth0 + " (UNEXPECTED)", rules, address);
        }
        progress("%s: wiring check %s", side.name, side.check);
        if (!ok) {
            errors.add(side.name + ": wiring check " + side.check);
        }
    }

    static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    // ---------------------------------------------------------------------------------- report

    void report() {
        StringBuilder out = new StringBuilder();
        int cpus = Integer.parseInt(args.getOrDefault("cpus", String.valueOf(Runtime.getRuntime().availableProcessors())));
        out.append('\n').append("Berth task networking: RunTask -> RUNNING with the per-task network set-up "
                + "(--task-network on) and without it (off)\n");
        out.append("machine: ").append(cpus).append(" CPUs (nproc)");
        if (args.containsKey("cpu-model")) {
            out.append(", ").append(args.get("cpu-model"));
        }
        out.append("; the load client (java ").append(Runtime.version().feature())
                .append("), both Berths and dockerd+containerd share them\n");
        if (args.containsKey("versions")) {
            out.append("versions: ").append(args.get("versions")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "task: FARGATE, awsvpc, cpu 256 / memory 512, 1 container %s %s; "
                + "own VPC %s, subnet %s, 1 security group (3 ingress rules, allow-all egress)%n", IMAGE, COMMAND,
                cidr, subnetCidr));
        out.append(String.format(Locale.ROOT, "latency: %d launches on each Berth, sequential, interleaved (order "
                + "alternating), after %d warm-up launches each; engine settled before each launch;%n", tasks, warmup));
        out.append("  RunTask, then DescribeTasks in a tight loop; time from before RunTask to the first DescribeTasks "
                + "showing RUNNING; then StopTask, awaited untimed\n");
        out.append(anchor ? "  one anchor task per Berth runs throughout: the VPC's bridge exists already "
                + "(per-task set-up only)\n"
                : "  no anchor task: each launch of the on Berth also makes the VPC's bridge (BENCH_ANCHOR=0)\n");
        out.append("wiring check (first warm-up launch): on ").append(on.check).append(" | off ").append(off.check)
                .append("\n\n");

        List<Long> a = on.launches.stream().map(Launch::runningNanos).sorted().toList();
        List<Long> b = off.launches.stream().map(Launch::runningNanos).sorted().toList();
        String header = String.format(Locale.ROOT, "%-36s %5s %9s %9s %9s %9s", "RunTask -> RUNNING", "n",
                "median ms", "p90 ms", "min ms", "max ms");
        out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        out.append(row("Berth --task-network on", a));
        out.append(row("Berth --task-network off (baseline)", b));
        double added = Double.NaN;
        if (!a.isEmpty() && !b.isEmpty()) {
            added = ms(percentile(a, 0.50) - percentile(b, 0.50));
            out.append(String.format(Locale.ROOT, "%-36s %5s %9s %9s %9s %9s%n", "added by the set-up (on - off)", "",
                    String.format(Locale.ROOT, "%+.1f", added),
                    String.format(Locale.ROOT, "%+.1f", ms(percentile(a, 0.90) - percentile(b, 0.90))),
                    String.format(Locale.ROOT, "%+.1f", ms(a.getFirst() - b.getFirst())),
                    String.format(Locale.ROOT, "%+.1f", ms(a.getLast() - b.getLast()))));
            out.append(String.format(Locale.ROOT, "%-36s %5s %9s %9s%n", "on / off", "",
                    String.format(Locale.ROOT, "%.2fx", (double) percentile(a, 0.50) / percentile(b, 0.50)),
                    String.format(Locale.ROOT, "%.2fx", (double) percentile(a, 0.90) / percentile(b, 0.90))));
            List<Long> paired = new ArrayList<>();
            for (int i = 0; i < Math.min(on.launches.size(), off.launches.size()); i++) {
                paired.add(on.launches.get(i).runningNanos() - off.launches.get(i).runningNanos());
            }
            paired = paired.stream().sorted().toList();
            out.append(String.format(Locale.ROOT, "%-36s %5d %9s%n", "paired differences (on_i - off_i)",
                    paired.size(), String.format(Locale.ROOT, "%+.1f", ms(percentile(paired, 0.50)))));
        }
        out.append("percentiles by nearest rank\n\n");

        for (Side side : List.of(on, off)) {
            if (side.launches.isEmpty()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-3s medians: RunTask answered in %.1f ms, %d DescribeTasks per "
                            + "launch, StopTask -> STOPPED %.0f ms", side.name,
                    ms(median(side.launches.stream().map(Launch::runTaskNanos).toList())),
                    median(side.launches.stream().map(l -> (long) l.polls()).toList()),
                    ms(median(side.launches.stream().map(Launch::stopNanos).toList()))));
            String phases = phases(side);
            out.append(phases == null ? "\n" : ";\n    from Berth's log (ms resolution): " + phases + "\n");
        }

        out.append('\n').append(String.format(Locale.ROOT,
                "target (printed, not asserted): added median <= +%.0f ms: %s (%+.1f ms)%n", TARGET_ADDED_MS,
                Double.isNaN(added) ? "UNKNOWN" : added <= TARGET_ADDED_MS ? "MET" : "MISSED", added));
        if (!errors.isEmpty()) {
            out.append("errors: ").append(errors.size()).append(", first: ").append(errors.getFirst()).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    static String row(String name, List<Long> sorted) {
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-36s %5d%n", name, 0);
        }
        return String.format(Locale.ROOT, "%-36s %5d %9.1f %9.1f %9.1f %9.1f%n", name, sorted.size(),
                ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.90)), ms(sorted.getFirst()), ms(sorted.getLast()));
    }

    static final Pattern TRANSITION = Pattern.compile(
            "^(\\S+)\\s+INFO\\s+\\S+\\s+task=(\\S+) lastStatus=(\\S+) desiredStatus=\\S+");

    /** RunTask -> PENDING (sandbox and interface) -> ACTIVATING -> RUNNING, medians from the side's log. */
    String phases(Side side) {
        if (side.logFile == null) {
            return null;
        }
        Map<String, Map<String, Long>> transitions = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(side.logFile))) {
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
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<Long> toPending = new ArrayList<>();
        List<Long> toActivating = new ArrayList<>();
        List<Long> toRunning = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        for (Launch launch : side.launches) {
            Map<String, Long> t = transitions.get(launch.taskArn());
            if (t == null || !t.keySet().containsAll(List.of("PENDING", "ACTIVATING", "RUNNING"))) {
                continue;
            }
            toPending.add(t.get("PENDING") - launch.wallStartMillis());
            toActivating.add(t.get("ACTIVATING") - t.get("PENDING"));
            toRunning.add(t.get("RUNNING") - t.get("ACTIVATING"));
            seen.add(launch.wallStartMillis() + launch.runningNanos() / 1_000_000 - t.get("RUNNING"));
        }
        if (toPending.isEmpty()) {
            return null;
        }
        return String.format(Locale.ROOT, "RunTask->PENDING %d ms | PENDING->ACTIVATING %d ms | "
                        + "ACTIVATING->RUNNING %d ms | RUNNING->seen %d ms (n %d)", median(toPending),
                median(toActivating), median(toRunning), median(seen), toPending.size());
    }

    // ---------------------------------------------------------------------------------- clean-up

    /** Stops every task still live on both Berths (measured ones and anchors), within the time given. */
    synchronized void cleanUp(Duration within) {
        if (on.live.isEmpty() && off.live.isEmpty()) {
            return;
        }
        Thread worker = Thread.ofPlatform().daemon().start(() -> {
            for (Side side : List.of(on, off)) {
                List<String> arns = List.copyOf(side.live);
                if (arns.isEmpty()) {
                    continue;
                }
                progress("%s: stopping %d task(s)", side.name, arns.size());
                try {
                    stopAndWait(side, arns);
                } catch (RuntimeException | InterruptedException e) {
                    // Berth may be going away; bench/run network removes the containers.
                }
            }
        });
        try {
            worker.join(within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    static void write(String file, List<String> lines) {
        try {
            Files.write(Path.of(file), lines);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void append(String file, String line) {
        try {
            Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
