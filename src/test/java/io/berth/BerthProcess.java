package io.berth;

import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Berth as a user runs it, {@code java -jar target/berth.jar up}, on the test engine: for tests of
 * what happens when its process is stopped (SIGTERM) or killed (SIGKILL).
 */
public final class BerthProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final int port;

    private BerthProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts Berth on the port and waits until it is healthy; its output goes to DATA_DIR/berth.log. */
    public static BerthProcess start(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-jar", Path.of("target/berth.jar").toAbsolutePath().toString(), "up",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString(),
                "--access-key-id", TestBerth.ACCESS_KEY, "--secret-access-key", TestBerth.SECRET_KEY,
                "--docker-host", TestBerth.dockerHost())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("berth.log").toFile()))
                .start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("Berth exited: " + Files.readString(dataDir.resolve("berth.log")));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/_berth/health")
                        .toURL().openConnection();
                return connection.getResponseCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return new BerthProcess(process, dataDir, port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The id labelling the containers of the Berth of a data directory. */
    public static String instance(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("instance-id")).strip();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client of the AWS SDK for Java v2 pointed at this Berth, signing as its root user. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it; answers its exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("Berth did not stop within a minute of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: Berth gets no chance to do anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
