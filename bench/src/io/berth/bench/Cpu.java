package io.berth.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of processes, of this client and of the whole machine, from /proc, so that a report can
 * tell what the servers used from what the client and the rest of the machine did.
 */
final class Cpu {

    /** The kernel's clock ticks per second (getconf CLK_TCK), which /proc counts in. */
    final long clockTicks;

    Cpu(long clockTicks) {
        this.clockTicks = clockTicks;
    }

    /** CPU use at one instant: one server, all servers, the machine (clock ticks) and this client (ns); -1 if unknown. */
    record Snapshot(long serverTicks, long serversTicks, long machineTicks, long clientNanos) {
    }

    /** What was used between two snapshots; a field is -1 when either side did not know it. */
    record Usage(long serverTicks, long serversTicks, long machineTicks, long clientNanos) {
    }

    Snapshot snapshot(long serverPid, List<Long> serverPids) {
        long servers = 0;
        for (long pid : serverPids) {
            long ticks = processTicks(pid);
            servers = servers < 0 || ticks < 0 ? -1 : servers + ticks;
        }
        return new Snapshot(processTicks(serverPid), servers, machineBusyTicks(), clientCpuNanos());
    }

    static Usage between(Snapshot before, Snapshot after) {
        return new Usage(delta(before.serverTicks(), after.serverTicks()),
                delta(before.serversTicks(), after.serversTicks()),
                delta(before.machineTicks(), after.machineTicks()),
                delta(before.clientNanos(), after.clientNanos()));
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    /** Seconds of CPU the processes other than the servers and this client used (steal included); NaN if unknown. */
    double otherSeconds(Usage u) {
        if (u.machineTicks() < 0 || u.serversTicks() < 0 || u.clientNanos() < 0) {
            return Double.NaN;
        }
        return Math.max(0, (u.machineTicks() - u.serversTicks()) / (double) clockTicks - u.clientNanos() / 1e9);
    }

    long nanos(long ticks) {
        return ticks * 1_000_000_000L / clockTicks;
    }

    /** utime + stime of a whole process (all its threads), in clock ticks; -1 if unknown. */
    static long processTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The parent pid of a process; -1 if unknown. */
    static long parentPid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of a JVM's JIT compiler threads (HotSpot's "C1/C2 CompilerThreadN"), in clock ticks; 0 if none. */
    static long jitTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    /** Busy time of all CPUs (user, nice, system, irq, softirq, steal) in clock ticks; -1 if unknown. */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this client process; -1 if unknown. */
    static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
