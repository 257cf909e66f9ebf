package io.berth.runtime.docker;

import io.berth.runtime.RuntimeUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The resource envelope of one task: a cgroup that is the parent of its sandbox and all its
 * containers, holding the task's CPU quota and memory limit. Written directly because Docker sets limits
 * per container only. Knows both cgroup v1 (one hierarchy per controller) and v2.
 */
final class TaskCgroup {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String PARENT = "berth";
    private static final long CPU_PERIOD_MICROS = 100_000;

    private TaskCgroup() {
    }

    /** The cgroup parent Docker is given for the containers in an envelope. */
    static String parent(String envelope) {
        return "/" + PARENT + "/" + envelope;
    }

    /** Sets an envelope's CPU quota and memory limit, creating it if needed; negative means unlimited. */
    static void limit(String envelope, int cpuUnits, int memoryMiB) {
        String quota = cpuUnits < 0 ? "-1" : Long.toString(Math.max(1000, cpuUnits * CPU_PERIOD_MICROS / 1024));
        String memoryBytes = memoryMiB < 0 ? "-1" : Long.toString(memoryMiB * 1024L * 1024L);
        try {
            if (Files.isDirectory(ROOT.resolve("memory"))) {
                Path memory = Files.createDirectories(ROOT.resolve("memory").resolve(PARENT).resolve(envelope));
                Files.writeString(memory.resolve("memory.limit_in_bytes"), memoryBytes);
                Path cpu = Files.createDirectories(ROOT.resolve("cpu").resolve(PARENT).resolve(envelope));
                Files.writeString(cpu.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_MICROS));
                Files.writeString(cpu.resolve("cpu.cfs_quota_us"), quota);
            } else if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                enableControllers(ROOT);
                Path parent = Files.createDirectories(ROOT.resolve(PARENT));
                enableControllers(parent);
                Path task = Files.createDirectories(parent.resolve(envelope));
                Files.writeString(task.resolve("memory.max"), memoryMiB < 0 ? "max" : memoryBytes);
                Files.writeString(task.resolve("cpu.max"), (cpuUnits < 0 ? "max" : quota) + " " + CPU_PERIOD_MICROS);
            } else {
                throw new RuntimeUnavailableException("no cgroup hierarchy under " + ROOT
                        + ": Berth needs cgroups to hold a task to its CPU and memory", null);
            }
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot set the resource envelope " + envelope
                    + " (" + e.getMessage() + "): Berth must run as root on the Docker host", e);
        }
    }

    /** Removes the envelope, in every hierarchy the runtime populated, once no container is left in it. */
    static void remove(String envelope) {
        if (envelope == null) {
            return;
        }
        List<Path> hierarchies;
        try (var listing = Files.list(ROOT)) {
            hierarchies = listing.toList();
        } catch (IOException e) {
            return;
        }
        for (Path hierarchy : hierarchies) {
            // cgroup v2 keeps "berth" at the root; v1 has it inside each controller's hierarchy.
            Path dir = hierarchy.getFileName().toString().equals(PARENT)
                    ? hierarchy.resolve(envelope) : hierarchy.resolve(PARENT).resolve(envelope);
            removeTree(dir);
        }
    }

    /**
     * Removes a cgroup directory and the empty cgroups left below it (the engine may not have
     * removed a deleted container's own cgroup yet); one still holding processes stays.
     */
    private static void removeTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var tree = Files.walk(dir)) {
            for (Path cgroup : tree.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(cgroup);
                } catch (IOException e) {
                    // Still busy: the next removal of the envelope tries again.
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // Gone meanwhile.
        }
    }

    private static void enableControllers(Path cgroup) throws IOException {
        Files.writeString(cgroup.resolve("cgroup.subtree_control"), "+cpu +memory");
    }
}
