package io.berth.net;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether this process may build task networks: the capabilities and the Debian tools it needs. */
public final class Privileges {

    private static final int CAP_NET_ADMIN = 12;
    /** Entering a task's network namespace (setns) needs it. */
    private static final int CAP_SYS_ADMIN = 21;
    private static final List<String> TOOLS = List.of("ip", "nsenter", "iptables-restore");

    private Privileges() {
    }

    /** What is missing, in words, or empty when task networks can be built. */
    public static Optional<String> missingForTaskNetwork() {
        List<String> missing = new ArrayList<>();
        BigInteger effective = effectiveCapabilities();
        if (!effective.testBit(CAP_NET_ADMIN)) {
            missing.add("CAP_NET_ADMIN");
        }
        if (!effective.testBit(CAP_SYS_ADMIN)) {
            missing.add("CAP_SYS_ADMIN");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                missing.add("the '" + tool + "' command (Debian packages iproute2, util-linux, iptables)");
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    private static BigInteger effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return new BigInteger(line.substring("CapEff:".length()).trim(), 16);
                }
            }
        } catch (IOException e) {
            // Not Linux, or no /proc: no capabilities to speak of.
        }
        return BigInteger.ZERO;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
