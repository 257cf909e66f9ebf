package io.berth.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the Linux tools the data planes are built with (iproute2, nsenter, iptables for tasks;
 * iproute2 and haproxy for load balancers), all installed by bin/provision.
 */
public final class Commands {

    private Commands() {
    }

    /** Runs a command, feeding it {@code input}; throws with its output when it fails. */
    public static String run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new NetworkException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new NetworkException("cannot run " + command.getFirst() + " (" + e.getMessage()
                    + "): bin/provision installs the tools Berth runs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted running " + command.getFirst(), e);
        }
    }

    public static String run(String... command) {
        return run(List.of(command), null);
    }

    /** Like {@link #run(String...)}, for clean-up steps whose target may already be gone. */
    public static void tolerate(String... command) {
        try {
            run(command);
        } catch (NetworkException e) {
            // Already gone, which is what a clean-up wants.
        }
    }
}
