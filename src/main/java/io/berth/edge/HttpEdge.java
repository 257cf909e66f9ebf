package io.berth.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.edge.sigv4.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one HTTP port of Berth. Each exchange runs on its own virtual thread; the raw request is
 * handed to the {@link Dispatcher} exactly as it arrived, because SigV4 signs the wire form.
 */
public final class HttpEdge implements AutoCloseable {

    public static final String HEALTH_PATH = "/_berth/health";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Dispatcher dispatcher;
    private final byte[] health;

    public HttpEdge(InetSocketAddress address, Dispatcher dispatcher, String version) throws IOException {
        this.dispatcher = dispatcher;
        this.health = ("{\"status\":\"ok\",\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(address, 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            EdgeResponse response = HEALTH_PATH.equals(path) && "GET".equals(exchange.getRequestMethod())
                    ? new EdgeResponse(200, "application/json", health)
                    : dispatcher.dispatch(requestId, exchange.getRemoteAddress().getAddress().getHostAddress(),
                    signedRequest(exchange, body));
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static SignedRequest signedRequest(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        // The server reads header bytes as ISO-8859-1; signers hash them as UTF-8.
        exchange.getRequestHeaders().forEach((name, values) -> {
            List<String> decoded = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
            for (String value : values) {
                decoded.add(new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        });
        return new SignedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
