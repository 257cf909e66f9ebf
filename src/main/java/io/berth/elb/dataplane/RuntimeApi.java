package io.berth.elb.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One of HAProxy's command sockets: the master's (processes, reload) or the worker's admin
 * socket (servers, statistics). One connection per command line; HAProxy answers once the
 * client closes its sending side. Right after a start or reload the socket is briefly absent or
 * refuses: retried for a few seconds.
 */
final class RuntimeApi {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private final Path socket;

    RuntimeApi(Path socket) {
        this.socket = socket;
    }

    /** Commands separated by {@code ;}; answers their output. */
    String send(String commands) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return exchange(commands);
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new DataPlaneException("HAProxy's socket " + socket + " does not answer: " + e.getMessage(), e);
                }
                pause();
            }
        }
    }

    /** Whether the socket answers now, without waiting. */
    boolean answers() {
        try {
            exchange("help");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String exchange(String commands) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap((commands + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            InputStream in = Channels.newInputStream(channel);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
