package io.berth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Berth's own Docker engine, for machines where none is named: {@code bin/docker-engine} (found
 * through BERTH_ENGINE_SCRIPT, which bin/berth sets) starts or finds it and prints its address.
 */
final class PrivateEngine {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private PrivateEngine() {
    }

    /** The private engine's DOCKER_HOST, or the system default when it cannot be had (Berth then says so). */
    static String start(Path directory) {
        String script = System.getenv("BERTH_ENGINE_SCRIPT");
        if (script == null) {
            return DEFAULT_HOST;
        }
        try {
            Process process = new ProcessBuilder(script, directory.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String host = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 && !host.isEmpty() ? host : DEFAULT_HOST;
        } catch (IOException e) {
            return DEFAULT_HOST;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_HOST;
        }
    }
}
