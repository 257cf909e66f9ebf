package io.berth.elb.dataplane;

import io.berth.elb.dataplane.TargetHealth.Reason;
import io.berth.elb.dataplane.TargetHealth.State;
import io.berth.net.Commands;
import io.berth.net.TaskNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One HAProxy per load balancer, in master-worker mode, in the load balancer's own namespace
 * ({@link LbNetwork}), its files and sockets in {@code RUN_ROOT/ID}: {@code haproxy.cfg}, the
 * master's socket, the worker's admin socket, the pid file, the server-state file. Started
 * detached, it outlives Berth; a new instance re-adopts it from the pid file and sockets.
 *
 * <p>Targets live in server-template slots set through the runtime API, never by a reload: a
 * new target gets a free slot's address, {@code ready} and {@code health down} (traffic only
 * once its checks pass); a removed one is put in {@code drain} and in maintenance (its slot
 * free again) when its connections are gone or its group's deregistration delay has passed.
 * Listener and rule changes are a reload: the slots are saved to the state file first and the
 * new worker reads them back, while the old one finishes its requests.
 *
 * <p>State in memory, behind this object's lock: when each slot was registered (for ELB's
 * {@code initial}), when each drain ends, and which interfaces and security groups were last
 * applied (not redone when unchanged). After a restart neither is known: an adopted
 * drain starts its delay again, and an adopted failing target is {@code unhealthy} at once.
 */
public final class HaproxyDataPlane implements LoadBalancerDataPlane {

    public static final Path DEFAULT_RUN_ROOT = Path.of("/run/berth-lb");
    private static final Logger log = LoggerFactory.getLogger(HaproxyDataPlane.class);
    /** Slots per backend are allocated in steps of this, so registering rarely needs a reload. */
    private static final int SLOT_STEP = 16;
    /** How often a caller should come back while a drain waits for its connections to end. */
    private static final Duration DRAIN_POLL = Duration.ofSeconds(1);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final Path runRoot;
    private final LbNetwork network;
    private final InstantSource clock;
    private final Map<String, Instant> registeredAt = new HashMap<>();
    private final Map<String, Instant> drainEnds = new HashMap<>();
    private final Map<String, String> networks = new HashMap<>();
    private final Map<String, String> firewalls = new HashMap<>();

    public HaproxyDataPlane(Path runRoot, TaskNetwork taskNetwork, InstantSource clock) {
        this.runRoot = runRoot;
        this.network = new LbNetwork(taskNetwork);
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Instant> apply(LoadBalancer lb) {
        // Wired once per process and again when its subnets change: a drain calls every second.
        String interfaces = lb.interfaces().toString();
        if (!interfaces.equals(networks.get(lb.id())) || !Files.exists(LbNetwork.namespacePath(lb.id()))) {
            network.ensure(lb);
            networks.put(lb.id(), interfaces);
            firewalls.remove(lb.id());
        }
        String firewall = lb.securityGroups().toString();
        if (!firewall.equals(firewalls.get(lb.id()))) {
            network.applyFirewall(lb);
            firewalls.put(lb.id(), firewall);
        }
        Path dir = runRoot.resolve(lb.id());
        boolean running = running(lb.id());
        List<Slot> slots = running ? slots(dir) : List.of();
        HaproxyConfig.Rendered rendered = HaproxyConfig.render(lb, slotCounts(lb, slots), dir);
        String config = rendered.config() + "# files " + digest(rendered.files()) + "\n";
        if (!running) {
            start(lb, dir, rendered, config);
            slots = slots(dir);
        } else if (!config.equals(read(dir.resolve("haproxy.cfg")))) {
            reload(lb, dir, rendered, config);
            slots = slots(dir);
        }
        return converge(lb, slots);
    }

    @Override
    public synchronized List<TargetHealth> targetHealth(LoadBalancer lb) {
        List<TargetHealth> health = new ArrayList<>();
        if (!running(lb.id())) {
            for (TargetGroup group : lb.targetGroups()) {
                group.targets().forEach(t -> health.add(TargetHealth.of(group.id(), t, State.UNAVAILABLE, Reason.INTERNAL_ERROR)));
            }
            return health;
        }
        List<Slot> slots = slots(runRoot.resolve(lb.id()));
        Instant now = clock.instant();
        for (TargetGroup group : lb.targetGroups()) {
            String backend = HaproxyConfig.backendName(group.id());
            Set<Target> reported = new HashSet<>();
            for (Slot slot : slots) {
                if (!slot.backend().equals(backend) || slot.free()) {
                    continue;
                }
                HealthCheck check = group.healthCheck();
                Instant since = registeredAt.get(key(lb, slot));
                boolean checking = since != null && now.isBefore(since.plus(check.interval()
                        .multipliedBy(check.unhealthyThreshold())).plus(check.timeout()));
                health.add(HealthStates.of(lb, group, slot, checking));
                reported.add(slot.target());
            }
            for (Target target : group.targets()) {
                if (!reported.contains(target)) {
                    health.add(TargetHealth.of(group.id(), target, State.INITIAL, Reason.REGISTRATION_IN_PROGRESS));
                }
            }
        }
        return health;
    }

    @Override
    public synchronized void remove(String loadBalancerId) {
        Path dir = runRoot.resolve(loadBalancerId);
        Optional<ProcessHandle> master = master(loadBalancerId);
        master.ifPresent(ProcessHandle::destroy);
        master.ifPresent(process -> awaitExit(process, STOP_PATIENCE));
        // Whatever else still runs in the namespace is the load balancer's: its workers, at worst.
        if (Files.exists(LbNetwork.namespacePath(loadBalancerId))) {
            for (String pid : Commands.run("ip", "netns", "pids", LoadBalancer.namespaceOf(loadBalancerId)).split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
                        process.destroyForcibly();
                        awaitExit(process, STOP_PATIENCE);
                    });
                }
            }
        }
        network.remove(loadBalancerId);
        deleteTree(dir);
        String prefix = loadBalancerId + "|";
        registeredAt.keySet().removeIf(k -> k.startsWith(prefix));
        drainEnds.keySet().removeIf(k -> k.startsWith(prefix));
        networks.remove(loadBalancerId);
        firewalls.remove(loadBalancerId);
        log.info("loadBalancer={} removed", loadBalancerId);
    }

    @Override
    public synchronized Set<String> present() {
        Set<String> ids = new TreeSet<>();
        String prefix = LoadBalancer.namespaceOf("");
        for (String line : Commands.run("ip", "netns", "list").lines().toList()) {
            String name = line.split(" ")[0];
            if (name.startsWith(prefix)) {
                ids.add(name.substring(prefix.length()));
            }
        }
        if (Files.isDirectory(runRoot)) {
            try (Stream<Path> dirs = Files.list(runRoot)) {
                dirs.map(d -> d.getFileName().toString()).filter(n -> LoadBalancer.ID.matcher(n).matches()).forEach(ids::add);
            } catch (IOException e) {
                throw new DataPlaneException("cannot list " + runRoot + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }

    // ---- the proxy process

    private boolean running(String loadBalancerId) {
        return master(loadBalancerId).isPresent()
                && new RuntimeApi(runRoot.resolve(loadBalancerId).resolve("master.sock")).answers();
    }

    /**
     * The master from the pid file, if that process is an HAProxy in the load balancer's
     * namespace (a pid alone may have been reused since).
     */
    private Optional<ProcessHandle> master(String loadBalancerId) {
        Path pidFile = runRoot.resolve(loadBalancerId).resolve("haproxy.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Path proc = Path.of("/proc", String.valueOf(pid));
            if (!Files.exists(proc) || !Files.readString(proc.resolve("comm")).strip().equals("haproxy")
                    || !Files.exists(LbNetwork.namespacePath(loadBalancerId))) {
                return Optional.empty();
            }
            Object inside = Files.getAttribute(proc.resolve("ns/net"), "unix:ino");
            Object namespace = Files.getAttribute(LbNetwork.namespacePath(loadBalancerId), "unix:ino");
            return inside.equals(namespace) ? ProcessHandle.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void start(LoadBalancer lb, Path dir, HaproxyConfig.Rendered rendered, String config) {
        Optional<ProcessHandle> stale = master(lb.id());
        stale.ifPresent(process -> {
            process.destroy();
            awaitExit(process, STOP_PATIENCE);
        });
        writeFiles(dir, rendered, config);
        Path output = dir.resolve("haproxy.log");
        try {
            // Detached (-D, its own session): it outlives Berth, and a signal to Berth's group spares it.
            Process launcher = new ProcessBuilder("ip", "netns", "exec", lb.namespace(), "haproxy", "-W", "-D",
                    "-S", dir.resolve("master.sock") + ",mode,600", "-p", dir.resolve("haproxy.pid").toString(),
                    "-f", dir.resolve("haproxy.cfg").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (launcher.waitFor() != 0) {
                throw new DataPlaneException("HAProxy for load balancer " + lb.id() + " did not start: " + read(output).strip());
            }
        } catch (IOException e) {
            throw new DataPlaneException("cannot run haproxy (" + e.getMessage() + "): install haproxy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted starting HAProxy", e);
        }
        new RuntimeApi(dir.resolve("master.sock")).send("show proc");
        new RuntimeApi(dir.resolve(HaproxyConfig.ADMIN_SOCKET)).send("show info");
        long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
        while (master(lb.id()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new DataPlaneException("HAProxy for load balancer " + lb.id() + " wrote no pid file: " + read(output).strip());
            }
            pause();
        }
        log.info("loadBalancer={} started namespace={}", lb.id(), lb.namespace());
    }

    /**
     * Saves the slots to the state file, installs the checked configuration, has the master
     * reload, and waits for the new worker. The old one finishes its requests (at most
     * {@code hard-stop-after}).
     */
    private void reload(LoadBalancer lb, Path dir, HaproxyConfig.Rendered rendered, String config) {
        RuntimeApi master = new RuntimeApi(dir.resolve("master.sock"));
        Set<String> before = workers(master.send("show proc"));
        String state = new RuntimeApi(dir.resolve(HaproxyConfig.ADMIN_SOCKET)).send("show servers state");
        write(dir.resolve(HaproxyConfig.STATE_FILE), state);
        writeFiles(dir, rendered, config);
        master.send("reload");
        long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
        while (true) {
            Set<String> now = workers(master.send("show proc"));
            if (!now.isEmpty() && now.stream().noneMatch(before::contains)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new DataPlaneException("HAProxy for load balancer " + lb.id() + " did not reload: " + read(dir.resolve("haproxy.log")).strip());
            }
            pause();
        }
        new RuntimeApi(dir.resolve(HaproxyConfig.ADMIN_SOCKET)).send("show info");
        log.info("loadBalancer={} reloaded", lb.id());
    }

    /** The current workers' pids in the master's {@code show proc}. */
    private static Set<String> workers(String showProc) {
        Set<String> pids = new HashSet<>();
        boolean inWorkers = false;
        for (String line : showProc.lines().toList()) {
            if (line.startsWith("#")) {
                inWorkers = line.startsWith("# workers");
            } else if (inWorkers && !line.isBlank()) {
                pids.add(line.trim().split("\\s+")[0]);
            }
        }
        return pids;
    }

    /** Writes the named files, then checks the configuration with HAProxy before it replaces the one in use. */
    private static void writeFiles(Path dir, HaproxyConfig.Rendered rendered, String config) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : rendered.files().entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                write(path, file.getValue());
            }
            Path candidate = dir.resolve("haproxy.cfg.new");
            write(candidate, config);
            Commands.run("haproxy", "-c", "-q", "-f", candidate.toString());
            Files.move(candidate, dir.resolve("haproxy.cfg"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataPlaneException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    // ---- targets

    private static List<Slot> slots(Path dir) {
        RuntimeApi admin = new RuntimeApi(dir.resolve(HaproxyConfig.ADMIN_SOCKET));
        return Slot.parse(admin.send("show servers state"), admin.send("show stat -1 4 -1"));
    }

    /** Enough slots for the desired targets and those still draining; never fewer than now. */
    private static Map<String, Integer> slotCounts(LoadBalancer lb, List<Slot> slots) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TargetGroup group : lb.targetGroups()) {
            String backend = HaproxyConfig.backendName(group.id());
            Set<Target> needed = new HashSet<>(group.targets());
            int existing = 0;
            for (Slot slot : slots) {
                if (slot.backend().equals(backend)) {
                    existing++;
                    if (!slot.free()) {
                        needed.add(slot.target());
                    }
                }
            }
            int rounded = Math.max(1, (needed.size() + SLOT_STEP - 1) / SLOT_STEP) * SLOT_STEP;
            counts.put(group.id(), Math.max(existing, rounded));
        }
        return counts;
    }

    private Optional<Instant> converge(LoadBalancer lb, List<Slot> slots) {
        Instant now = clock.instant();
        Optional<Instant> revisit = Optional.empty();
        List<String> commands = new ArrayList<>();
        for (TargetGroup group : lb.targetGroups()) {
            String backend = HaproxyConfig.backendName(group.id());
            List<Slot> mine = slots.stream().filter(s -> s.backend().equals(backend))
                    .sorted(Comparator.comparingInt(s -> Integer.parseInt(s.name().substring(HaproxyConfig.SLOT_PREFIX.length()))))
                    .toList();
            Map<Target, Slot> serving = new HashMap<>();
            Map<Target, Slot> draining = new HashMap<>();
            List<Slot> free = new ArrayList<>();
            for (Slot slot : mine) {
                if (slot.free()) {
                    free.add(slot);
                } else if (slot.draining()) {
                    draining.put(slot.target(), slot);
                } else {
                    serving.put(slot.target(), slot);
                }
            }
            for (Target target : group.targets()) {
                if (serving.containsKey(target)) {
                    continue;
                }
                Slot back = draining.remove(target);
                if (back != null) {
                    // Registered again while draining: it serves again as it is.
                    commands.add("set server " + back.key() + " state ready");
                    drainEnds.remove(key(lb, back));
                    continue;
                }
                Slot slot = free.removeFirst();
                commands.add("set server " + slot.key() + " addr " + target.ip() + " port " + target.port());
                commands.add("set server " + slot.key() + " state ready");
                // Down until its healthy threshold of checks passes: no request reaches it before.
                commands.add("set server " + slot.key() + " health down");
                registeredAt.put(key(lb, slot), now);
                log.info("loadBalancer={} targetGroup={} target={} registered slot={}", lb.id(), group.id(), target, slot.name());
            }
            Set<Target> desired = new HashSet<>(group.targets());
            for (Slot slot : serving.values()) {
                if (!desired.contains(slot.target())) {
                    commands.add("set server " + slot.key() + " state drain");
                    drainEnds.put(key(lb, slot), now.plus(group.deregistrationDelay()));
                    revisit = earliest(revisit, now.plus(DRAIN_POLL));
                    log.info("loadBalancer={} targetGroup={} target={} draining", lb.id(), group.id(), slot.target());
                }
            }
            for (Slot slot : draining.values()) {
                Instant end = drainEnds.computeIfAbsent(key(lb, slot), k -> now.plus(group.deregistrationDelay()));
                if (!now.isBefore(end) || (slot.sessions() == 0 && slot.queued() == 0)) {
                    commands.add("set server " + slot.key() + " state maint");
                    commands.add("shutdown sessions server " + slot.key());
                    drainEnds.remove(key(lb, slot));
                    registeredAt.remove(key(lb, slot));
                    log.info("loadBalancer={} targetGroup={} target={} deregistered", lb.id(), group.id(), slot.target());
                } else {
                    revisit = earliest(revisit, earliest(Optional.of(end), now.plus(DRAIN_POLL)).orElseThrow());
                }
            }
        }
        if (!commands.isEmpty()) {
            String answer = new RuntimeApi(runRoot.resolve(lb.id()).resolve(HaproxyConfig.ADMIN_SOCKET))
                    .send(String.join("; ", commands));
            for (String line : answer.lines().toList()) {
                if (line.contains("No such") || line.contains("Unknown") || line.contains("Require") || line.contains("invalid")) {
                    throw new DataPlaneException("HAProxy for load balancer " + lb.id() + " refused " + commands + ": " + line);
                }
            }
        }
        return revisit;
    }

    private static Optional<Instant> earliest(Optional<Instant> current, Instant candidate) {
        return Optional.of(current.filter(c -> c.isBefore(candidate)).orElse(candidate));
    }

    private static String key(LoadBalancer lb, Slot slot) {
        return lb.id() + "|" + slot.key();
    }

    // ---- small helpers

    private static String digest(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeSet<>(files.keySet()).forEach(name -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(files.get(name).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new DataPlaneException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new DataPlaneException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new DataPlaneException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void awaitExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted stopping HAProxy", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted waiting for HAProxy", e);
        }
    }
}
