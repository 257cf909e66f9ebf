package io.berth.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the Linux networking tools (iproute2, nsenter, iptables) the data plane is built with. */
final class Commands {

    private Commands() {
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
                throw new NetworkException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new NetworkException("cannot run " + command.getFirst() + " (" + e.getMessage()
                    + "): install iproute2 and iptables", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted running " + command.getFirst(), e);
        }
    }

    static String run(String... command) {
        return run(List.of(command), null);
    }

    /** Like {@link #run(String...)}, for clean-up steps whose target may already be gone. */
    static void tolerate(String... command) {
        try {
            run(command);
        } catch (NetworkException e) {
            // Already gone, which is what a clean-up wants.
        }
    }
}
