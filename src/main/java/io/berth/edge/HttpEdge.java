package io.berth.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.edge.sigv4.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
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
 * The one HTTP port of Berth, on its bind address and, for code inside tasks, on the address
 * tasks reach Berth at. Each exchange runs on its own virtual thread; the raw request is handed
 * to the {@link Dispatcher} exactly as it arrived, because SigV4 signs the wire form. The port is
 * bound first (so what is wired to it knows its number), requests are served from {@link #start}.
 */
public final class HttpEdge implements AutoCloseable {

    public static final String HEALTH_PATH = "/_berth/health";

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final byte[] health;
    private Dispatcher dispatcher;
    private List<AgentEndpoint> agents = List.of();

    private HttpEdge(String version) {
        this.health = ("{\"status\":\"ok\",\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    public static HttpEdge bind(InetSocketAddress address, String version) throws IOException {
        HttpEdge edge = new HttpEdge(version);
        edge.listen(address);
        return edge;
    }

    /** Serves the same port on another local address too. */
    public void alsoListenOn(InetAddress address) throws IOException {
        listen(new InetSocketAddress(address, address().getPort()));
    }

    private void listen(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        servers.add(server);
    }

    /** @param agents the endpoints of code inside tasks, each answering the paths it claims */
    public void start(Dispatcher dispatcher, List<AgentEndpoint> agents) {
        this.dispatcher = dispatcher;
        this.agents = List.copyOf(agents);
        servers.forEach(HttpServer::start);
    }

    /** The bind address, with the port really bound. */
    public InetSocketAddress address() {
        return servers.getFirst().getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            SignedRequest request = signedRequest(exchange, body);
            String source = exchange.getRemoteAddress().getAddress().getHostAddress();
            AgentEndpoint agent = agents.stream().filter(a -> a.serves(path)).findFirst().orElse(null);
            EdgeResponse response = HEALTH_PATH.equals(path) && "GET".equals(exchange.getRequestMethod())
                    ? new EdgeResponse(200, "application/json", health)
                    : agent != null ? agent.serve(new AgentEndpoint.Request(request.method(), path, request.headers(), source))
                    : dispatcher.dispatch(requestId, source, request);
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
        servers.forEach(server -> server.stop(0));
        executor.close();
    }
}
