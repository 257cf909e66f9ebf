package io.berth.edge;

import io.berth.edge.json.JsonCodec;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.BindException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Berth's HTTP server (Jetty's core, each request on its own virtual thread), routing every
 * request through a table of {@link Route}s. The API port listens on the bind address; code
 * inside tasks reaches the agent routes on the agent's own address (169.254.170.2, same port) or,
 * where tasks have no network of their own, on a listener of its own — so an API route may claim
 * any path, the agent's /v2/ included. The port is bound first (so what is wired to it knows its
 * number); requests are served from {@link #start}.
 *
 * <p>Every error the edge or Jetty itself answers (no route, a body past the limit, cut short or
 * stalled, a request Jetty cannot parse) is the JSON 1.1 error body {@code {"__type","message"}}
 * with a 4xx status, as the dispatcher already answers a request that addresses no operation:
 * before a request is routed its protocol is unknown, so one shape is chosen — the one of most
 * Berth APIs (ECS, Logs and those to come); clients of the Query APIs fall back on the status.
 * (AWS's own front ends answer such requests 400 with an HTML page, which no SDK reads either.)
 */
public final class HttpEdge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpEdge.class);

    public static final String HEALTH_PATH = "/_berth/health";
    /** The AWS APIs read whole bodies (SigV4 hashes them); the largest AWS accepts are well below this. */
    public static final long API_BODY_LIMIT = 16L * 1024 * 1024;

    /**
     * @param idle how long a connection may send nothing (mid-body included) before the request
     *             is answered 400 {@code RequestTimeout} and the connection closed
     * @param stop how long {@link #close} lets requests in flight finish before it stops anyway
     */
    public record Timeouts(Duration idle, Duration stop) {
        /** Jetty's own idle timeout; a few seconds for requests in flight, as they are short. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private final Server server;
    private final ServerConnector api;
    /** The connectors whose every request is the agent's. */
    private final Set<ServerConnector> agentConnectors = new CopyOnWriteArraySet<>();
    /** Local addresses whose requests are the agent's, even when they arrive on the API connector (any-address bind). */
    private final Set<String> agentAddresses = new CopyOnWriteArraySet<>();
    private final byte[] health;
    private final Timeouts timeouts;
    private volatile List<Route> routes = List.of();

    private HttpEdge(String version, Timeouts timeouts) {
        this.health = ("{\"status\":\"ok\",\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
        this.timeouts = timeouts;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("edge");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server = new Server(threads);
        // Graceful: close() lets requests in flight finish, for at most the stop timeout.
        this.server.setHandler(new GracefulHandler(new Router()));
        this.server.setStopTimeout(timeouts.stop().toMillis());
        this.server.setErrorHandler(new JettyErrors());
        this.api = connector();
    }

    public static HttpEdge bind(InetSocketAddress address, String version) throws IOException {
        return bind(address, version, Timeouts.DEFAULT);
    }

    public static HttpEdge bind(InetSocketAddress address, String version, Timeouts timeouts) throws IOException {
        HttpEdge edge = new HttpEdge(version, timeouts);
        edge.open(edge.api, address);
        return edge;
    }

    /**
     * Serves the agent routes on the agent's address, on the API's port; on an any-address bind
     * the API connector already receives them, told apart by the local address they reached.
     */
    public void listenForAgentOn(InetAddress address) throws IOException {
        agentAddresses.add(address.getHostAddress());
        if (!address().getAddress().isAnyLocalAddress()) {
            ServerConnector agent = connector();
            open(agent, new InetSocketAddress(address, address().getPort()));
            agentConnectors.add(agent);
        }
    }

    /** Serves the agent routes on a port of their own on the bind address; answers that address. */
    public InetSocketAddress listenForAgentOnOwnPort() throws IOException {
        ServerConnector agent = connector();
        open(agent, new InetSocketAddress(address().getAddress(), 0));
        agentConnectors.add(agent);
        return new InetSocketAddress(address().getAddress(), agent.getLocalPort());
    }

    private ServerConnector connector() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Paths reach the router as sent: SigV4 signs them so, and AWS answers odd ones itself.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(timeouts.idle().toMillis());
        return connector;
    }

    private void open(ServerConnector connector, InetSocketAddress address) throws IOException {
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            server.removeConnector(connector);
            // Jetty wraps the JDK's BindException; callers tell a taken port from other failures by it.
            if (e.getCause() instanceof BindException taken) {
                throw taken;
            }
            throw e;
        }
    }

    /**
     * Starts serving. The health check comes first; then the given routes in order.
     */
    public void start(List<Route> routes) throws IOException {
        List<Route> table = new ArrayList<>();
        table.add(new Route("health", Route.Audience.API,
                (method, path) -> "GET".equals(method) && HEALTH_PATH.equals(path), 0,
                (Route.Endpoint.Buffered) (request, body) -> new EdgeResponse(200, "application/json", health)));
        table.addAll(routes);
        this.routes = List.copyOf(table);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the HTTP server did not start", e);
        }
    }

    /** The bind address, with the port really bound. */
    public InetSocketAddress address() {
        String host = api.getHost();
        return new InetSocketAddress(host == null ? null : parse(host), api.getLocalPort());
    }

    private static InetAddress parse(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Router extends Handler.Abstract {

        Router() {
            super(InvocationType.BLOCKING);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String requestId = UUID.randomUUID().toString();
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            Route.Audience audience = isAgents(request) ? Route.Audience.AGENT : Route.Audience.API;
            Route route = null;
            for (Route candidate : routes) {
                if (candidate.matches(audience, method, path)) {
                    route = candidate;
                    break;
                }
            }
            response.getHeaders().put("x-amzn-RequestId", requestId);
            if (route == null) {
                respond(request, response, callback, notFound());
                return true;
            }
            Route.Exchange exchange = new Route.Exchange(requestId, method, path, request.getHttpURI().getQuery(),
                    headers(request), Request.getRemoteAddr(request));
            try {
                switch (route.endpoint()) {
                    case Route.Endpoint.Buffered buffered -> {
                        long declared = request.getLength();
                        if (declared > route.maxBodyBytes()) {
                            respond(request, response, callback, tooLarge(route));
                            return true;
                        }
                        byte[] body;
                        try {
                            body = read(request, route.maxBodyBytes());
                        } catch (IOException e) {
                            respond(request, response, callback, unreadable(request, e));
                            return true;
                        }
                        if (body == null) {
                            respond(request, response, callback, tooLarge(route));
                            return true;
                        }
                        respond(request, response, callback, buffered.serve(exchange, body));
                    }
                    case Route.Endpoint.Streaming streaming -> {
                        OutputStream[] out = new OutputStream[1];
                        Limited body = new Limited(Content.Source.asInputStream(request), route.maxBodyBytes());
                        try (body) {
                            streaming.serve(exchange, body, (status, contentType, length, headers) -> {
                                response.setStatus(status);
                                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                                if (length >= 0) {
                                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
                                }
                                headers.forEach(response.getHeaders()::put);
                                out[0] = Response.asBufferedOutputStream(request, response);
                                return out[0];
                            });
                        } catch (IOException e) {
                            // The body's fault, if the route has not started its answer: the client's error.
                            if (body.failure != null && out[0] == null) {
                                respond(request, response, callback,
                                        body.failure instanceof Limited.TooLarge ? tooLarge(route) : unreadable(request, body.failure));
                                return true;
                            }
                            throw e;
                        }
                        if (out[0] == null) {
                            throw new IllegalStateException("route " + route.name() + " answered nothing");
                        }
                        out[0].close(); // the last write: completes the response
                        callback.succeeded();
                    }
                }
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            }
            return true;
        }

        private boolean isAgents(Request request) {
            if (request.getConnectionMetaData().getConnector() instanceof ServerConnector connector
                    && agentConnectors.contains(connector)) {
                return true;
            }
            return !agentAddresses.isEmpty() && agentAddresses.contains(Request.getLocalAddr(request));
        }
    }

    private static EdgeResponse notFound() {
        return JsonCodec.error(new AwsException("UnknownOperationException", 404, "No route serves this request."));
    }

    private static EdgeResponse tooLarge(Route route) {
        return JsonCodec.error(new AwsException("RequestEntityTooLarge", 413,
                "The request body is larger than " + route.maxBodyBytes() + " bytes."));
    }

    /**
     * A body that could not be read to its end: the client stopped sending (the idle timeout) or
     * closed before its Content-Length, or its chunked framing is broken. S3 names the first two
     * RequestTimeout and IncompleteBody, both 400.
     */
    private static EdgeResponse unreadable(Request request, IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return JsonCodec.error(new AwsException("RequestTimeout", 400, "Your socket connection to the server "
                        + "was not read from or written to within the timeout period."));
            }
        }
        if (request.getLength() < 0) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof HttpException malformed) {
                    return JsonCodec.error(new AwsException("InvalidRequest", 400, malformed.getReason()));
                }
            }
        }
        return JsonCodec.error(new AwsException("IncompleteBody", 400,
                "The request body ended before the number of bytes its Content-Length announced."));
    }

    /**
     * Answers what Jetty refuses before any route sees it (a request line, header or URI it
     * cannot parse or that is too long, broken chunking) in the edge's error shape instead of
     * Jetty's HTML page. A status Jetty gives a message it cannot parse is the client's error,
     * even where HTTP names a 5xx for it (an unknown transfer coding, an HTTP version).
     */
    private static final class JettyErrors implements Request.Handler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer s ? s : 500;
            String message = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String m ? m : null;
            Throwable cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
            AwsException error;
            if (status == 503) {
                // Refused while the edge stops.
                error = new AwsException("ServiceUnavailable", 503,
                        "The request has failed due to a temporary failure of the server.", false);
            } else if (status >= 500 && !(cause instanceof HttpException)) {
                log.error("request to {} failed", request.getHttpURI().getPath(), cause);
                error = new AwsException("InternalFailure", 500,
                        "The request processing has failed because of an unknown error.", false);
            } else {
                String reason = message == null || message.isEmpty() ? "The request is not valid HTTP." : message;
                error = switch (status) {
                    case 408 -> new AwsException("RequestTimeout", 400, reason);
                    case 413 -> new AwsException("RequestEntityTooLarge", 413, reason);
                    case 414 -> new AwsException("RequestURITooLong", 414, reason);
                    case 431 -> new AwsException("RequestHeaderSectionTooLarge", 431, reason);
                    default -> new AwsException("InvalidRequest", status >= 400 && status < 500 ? status : 400, reason);
                };
            }
            respond(request, response, callback, JsonCodec.error(error));
            return true;
        }
    }

    /** The whole body, or null when it runs past the limit. */
    private static byte[] read(Request request, long limit) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            return body.length > limit ? null : body;
        }
    }

    private static void respond(Request request, Response response, Callback callback, EdgeResponse answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        // The server reads header bytes as ISO-8859-1; signers hash them as UTF-8.
        for (HttpField field : request.getHeaders()) {
            String value = field.getValue();
            headers.computeIfAbsent(field.getLowerCaseName(), n -> new ArrayList<>(1))
                    .add(value == null ? "" : isAscii(value) ? value
                            : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * A body stream that fails once it runs past a route's limit, and remembers why reading
     * failed, so that the edge can tell the client's fault from the route's.
     */
    private static final class Limited extends FilterInputStream {
        static final class TooLarge extends IOException {
            TooLarge() {
                super("the request body is larger than the route's limit");
            }
        }

        private long left;
        IOException failure;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = track(() -> super.read());
            if (b >= 0 && --left < 0) {
                throw failure = new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = track(() -> super.read(buffer, offset, length));
            if (n > 0 && (left -= n) < 0) {
                throw failure = new TooLarge();
            }
            return n;
        }

        private interface Read {
            int read() throws IOException;
        }

        private int track(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                throw failure = e;
            }
        }
    }

    /**
     * Stops accepting, lets requests in flight finish for at most the stop timeout, then stops
     * (connections still open are closed).
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (TimeoutException e) {
            log.warn("stopped with requests still in flight after {}", timeouts.stop());
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop", e);
        }
    }
}
