package io.berth.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HttpEdgeTest {

    /** A short stop timeout; a short idle timeout only where a test waits it out (pooled connections would race it). */
    private static final HttpEdge.Timeouts TIMEOUTS = new HttpEdge.Timeouts(HttpEdge.Timeouts.DEFAULT.idle(), Duration.ofSeconds(1));
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpEdge edge;
    private URI api;
    private URI agent;

    @BeforeEach
    void start() throws Exception {
        edge = HttpEdge.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "test", TIMEOUTS);
        InetSocketAddress agentAddress = edge.listenForAgentOnOwnPort();
        edge.start(List.of(
                Route.prefix("agent", Route.Audience.AGENT, "/v2/", 16, text("agent")),
                Route.prefix("upload", Route.Audience.API, "/upload", 1024, (Route.Endpoint.Streaming) (request, body, response) -> {
                    byte[] read = body.readAllBytes();
                    try (OutputStream out = response.start(201, "text/plain", -1, Map.of("x-read", "" + read.length))) {
                        out.write(read);
                        out.write(read);
                    }
                }),
                Route.prefix("stuck", Route.Audience.API, "/stuck", 0, (Route.Endpoint.Buffered) (request, body) -> {
                    entered.countDown();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new EdgeResponse(200, "text/plain", new byte[0]);
                }),
                Route.prefix("api", Route.Audience.API, "/", 8, (Route.Endpoint.Buffered) (request, body) ->
                        new EdgeResponse(200, "text/plain",
                                ("api " + request.method() + " " + request.rawPath() + " " + body.length)
                                        .getBytes(StandardCharsets.UTF_8)))));
        api = URI.create("http://127.0.0.1:" + edge.address().getPort());
        agent = URI.create("http://127.0.0.1:" + agentAddress.getPort());
    }

    @AfterEach
    void stop() {
        released.countDown();
        edge.close();
    }

    private static Route.Endpoint.Buffered text(String answer) {
        return (request, body) -> new EdgeResponse(200, "text/plain", answer.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAgentsV2IsOnlyOnTheAgentsListenerSoTheApiPortKeepsItsV2() throws Exception {
        assertThat(send(agent, "GET", "/v2/credentials/x", null).body()).isEqualTo("agent");
        assertThat(send(api, "GET", "/v2/credentials/x", null).body()).isEqualTo("api GET /v2/credentials/x 0");
        assertThat(send(agent, "POST", "/other", "abc").body()).isEqualTo("api POST /other 3");
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheHealthCheckAnswersFirst() throws Exception {
        HttpResponse<String> health = send(api, "GET", HttpEdge.HEALTH_PATH, null);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"version\":\"test\"}");
        assertThat(health.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(send(api, "POST", HttpEdge.HEALTH_PATH, null).body()).startsWith("api POST");
    }

    @Test
    void aBodyPastTheRoutesLimitIsRefusedBeforeTheRouteSeesIt() throws Exception {
        assertThat(send(api, "POST", "/x", "12345678").statusCode()).isEqualTo(200);
        assertThat(send(api, "POST", "/x", "123456789").statusCode()).isEqualTo(413);
        assertThat(send(agent, "PUT", "/v2/x", "x".repeat(17)).statusCode()).isEqualTo(413);
    }

    @Test
    void aStreamingRouteReadsAndWritesAsItGoes() throws Exception {
        HttpResponse<String> response = send(api, "PUT", "/upload/layer", "0123456789".repeat(100));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-read")).hasValue("1000");
        assertThat(response.body()).hasSize(2000);
    }

    @Test
    void aBodyCutShortOfItsContentLengthIsAnsweredIncompleteBody() throws Exception {
        String answer = raw("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 8\r\n\r\n1234", true);
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"IncompleteBody\",");
        assertThat(raw("PUT /upload/x HTTP/1.1\r\nHost: a\r\nContent-Length: 80\r\n\r\n1234", true))
                .startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"IncompleteBody\",");
    }

    @Test
    void aClientThatStopsSendingMidBodyIsAnsweredRequestTimeoutAfterTheIdleTimeout() throws Exception {
        HttpEdge.Timeouts brief = new HttpEdge.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
        HttpEdge impatient = HttpEdge.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "test", brief);
        try {
            impatient.start(List.of(Route.prefix("api", Route.Audience.API, "/", 8, text("api"))));
            URI base = URI.create("http://127.0.0.1:" + impatient.address().getPort());
            long started = System.nanoTime();
            String answer = raw(base, "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 8\r\n\r\n1234", false);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"RequestTimeout\",");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(brief.idle().multipliedBy(8));
        } finally {
            impatient.close();
        }
    }

    @Test
    void requestsJettyCannotParseGetTheEdgesErrorShapeNeverAPageOrA5xx() throws Exception {
        assertThat(raw("GET /\u0000 HTTP/1.1\r\nHost: a\r\n\r\n", false))
                .startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"InvalidRequest\",");
        assertThat(raw("GET / HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n", false))
                .startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"InvalidRequest\",");
        assertThat(raw("GET /" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: a\r\n\r\n", false))
                .startsWith("HTTP/1.1 414 ").contains("{\"__type\":\"RequestURITooLong\",");
        assertThat(raw("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n", false))
                .startsWith("HTTP/1.1 431 ").contains("{\"__type\":\"RequestHeaderSectionTooLarge\",");
        assertThat(raw("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", false))
                .startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"InvalidRequest\",");
        assertThat(raw("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nabc", true))
                .matches("(?s)HTTP/1.1 4\\d\\d .*").contains("{\"__type\":\"InvalidRequest\",");
        assertThat(raw("GET / HTTP/9.9\r\nHost: a\r\n\r\n", false))
                .matches("(?s)HTTP/1.1 4\\d\\d .*").contains("{\"__type\":\"InvalidRequest\",");
        assertThat(raw("\u00ff\u00fe GARBAGE\r\n\r\n", false))
                .startsWith("HTTP/1.1 400 ").contains("{\"__type\":\"InvalidRequest\",");
    }

    @Test
    void closeLetsARequestInFlightFinishForAtMostTheStopTimeout() throws Exception {
        CompletableFuture<HttpResponse<String>> stuck = client.sendAsync(
                HttpRequest.newBuilder(api.resolve("/stuck")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the request reached its route").isTrue();
        long started = System.nanoTime();
        edge.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUTS.stop().multipliedBy(4));
        stuck.cancel(true);
    }

    /** Sends the bytes as they are (ISO-8859-1) on a fresh connection; half-closes when told; reads all. */
    private String raw(String request, boolean halfClose) throws Exception {
        return raw(api, request, halfClose);
    }

    private static String raw(URI base, String request, boolean halfClose) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
