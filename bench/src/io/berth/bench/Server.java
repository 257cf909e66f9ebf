package io.berth.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A server process a benchmark started on a free loopback port, its output in a log file of the
 * work directory: a Berth of a given jar (keys from the environment, its own data dir, a
 * DOCKER_HOST where no engine answers unless told otherwise, so it serves the APIs without a
 * container runtime) or moto. Every server still running when the client exits (a signal
 * included) is stopped: SIGTERM, then SIGKILL after 10 s.
 */
final class Server implements AutoCloseable {

    private static final List<Server> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Server::close)));
    }

    final String name;
    final Process process;
    final String url;
    final Path log;
    /** Nanoseconds from starting the process to its first healthy answer. */
    final long startNanos;

    private Server(String name, Process process, String url, Path log, long startNanos) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.log = log;
        this.startNanos = startNanos;
    }

    long pid() {
        return process.pid();
    }

    /** How to start a Berth: its jar, JVM options (e.g. -XX:AOTCache=FILE) and arguments of "up" beyond the port. */
    record Berth(Path jar, List<String> jvmOptions, List<String> upArguments, Map<String, String> environment) {
    }

    /** Starts {@code berth up} on a free port with the data dir WORK/data-NAME and waits until it is healthy. */
    static Server berth(String name, Berth berth, Path work) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(berth.jvmOptions());
        command.addAll(List.of("-jar", berth.jar().toString(), "up", "--port", String.valueOf(port),
                "--data-dir", work.resolve("data-" + name).toString()));
        if (berth.upArguments().stream().noneMatch(a -> a.equals("--docker-host"))) {
            command.addAll(List.of("--docker-host", "unix://" + work.resolve("no-engine.sock")));
        }
        command.addAll(berth.upArguments());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(berth.environment());
        return start(name, builder, "http://127.0.0.1:" + port, "/_berth/health", work, Duration.ofSeconds(120));
    }

    /** Starts moto's server (python3 -m moto.server) on a free port. */
    static Server moto(Path work) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
                String.valueOf(port));
        return start("moto", builder, "http://127.0.0.1:" + port, "/moto-api/data.json", work, Duration.ofSeconds(60));
    }

    private static Server start(String name, ProcessBuilder builder, String url, String healthPath, Path work,
                                Duration within) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process process = builder.start();
        Server server = new Server(name, process, url, log, 0);
        RUNNING.add(server);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + healthPath)).timeout(Duration.ofSeconds(1)).build();
        long deadline = t0 + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + "); " + tail(log));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Server ready = new Server(name, process, url, log, System.nanoTime() - t0);
                    RUNNING.remove(server);
                    RUNNING.add(ready);
                    return ready;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        server.close();
        throw new IllegalStateException(name + " did not become healthy within " + within.toSeconds() + " s; "
                + tail(log));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last lines of " + log.getFileName() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts a JFR recording (settings=profile) of this JVM server into {@code file}, stopped by {@link #stopJfr}. */
    void startJfr(Path file) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    void stopJfr() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench");
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for " + name);
        }
    }

    /** SIGTERM, then SIGKILL after 10 s; the exit status, or -1 when it had to be killed. */
    int stop() {
        return stop(Duration.ofSeconds(10));
    }

    /** SIGTERM, then SIGKILL after {@code grace}; the exit status, or -1 when it had to be killed. */
    int stop(Duration grace) {
        RUNNING.remove(this);
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        RUNNING.remove(this);
    }
}
