package io.berth.elb.dataplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the tools a load balancer is built with (iproute2, haproxy). */
final class Shell {

    private Shell() {
    }

    /** Runs a command, feeding it {@code input}; throws with its output when it fails. */
    static String run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new DataPlaneException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new DataPlaneException("cannot run " + command.getFirst() + " (" + e.getMessage()
                    + "): install iproute2 and haproxy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataPlaneException("interrupted running " + command.getFirst(), e);
        }
    }

    static String run(String... command) {
        return run(List.of(command), null);
    }

    /** Like {@link #run(String...)}, for clean-up steps whose target may already be gone. */
    static void tolerate(String... command) {
        try {
            run(command);
        } catch (DataPlaneException e) {
            // Already gone, which is what a clean-up wants.
        }
    }
}
