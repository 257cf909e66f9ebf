package io.berth.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load loop's HTTP/1.1 client: one connection per worker, kept alive unless the server closes
 * it, replaying requests rendered to bytes once (they are signed ahead, see SignedClient). It parses
 * no more of a response than the status, its framing (Content-Length, chunked, or until close) and
 * Connection: close. java.net.http spent about as much CPU per request as the server under test;
 * on a machine of 2 CPUs that the client shares with the servers, this one leaves them the CPUs.
 */
final class RawHttp implements AutoCloseable {

    /** A response: its status, body, and whether the server closed the connection after it. */
    record Reply(int status, byte[] body, boolean closes) {
    }

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(URI endpoint) {
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    }

    /** Sends one rendered request and reads its response; reconnects first when the last one closed. */
    Reply exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) SignedClient.REQUEST_TIMEOUT.toMillis());
            socket.connect(address, 5000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(request);
            out.flush();
            Reply reply = read();
            if (reply.closes()) {
                close();
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Reply read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        boolean closes = statusLine.startsWith("HTTP/1.0");
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close") || closes && !value.equalsIgnoreCase("keep-alive");
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            closes = true;
        }
        return new Reply(status, body, closes);
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** A POST as it goes on the wire: request line, the signed headers (host among them), Content-Length, body. */
    static byte[] render(URI endpoint, Iterable<Map.Entry<String, List<String>>> headers,
                         byte[] body) {
        StringBuilder head = new StringBuilder(512);
        head.append("POST ").append(endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath()).append(" HTTP/1.1\r\n");
        for (var header : headers) {
            if (header.getKey().equalsIgnoreCase("content-length")) {
                continue;
            }
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[start.length + body.length];
        System.arraycopy(start, 0, wire, 0, start.length);
        System.arraycopy(body, 0, wire, start.length, body.length);
        return wire;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
            socket = null;
        }
    }
}
