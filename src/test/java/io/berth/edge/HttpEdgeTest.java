package io.berth.edge;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpEdgeTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpEdge edge;
    private URI api;
    private URI agent;

    @BeforeEach
    void start() throws Exception {
        edge = HttpEdge.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "test");
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
                Route.prefix("api", Route.Audience.API, "/", 8, (Route.Endpoint.Buffered) (request, body) ->
                        new EdgeResponse(200, "text/plain",
                                ("api " + request.method() + " " + request.rawPath() + " " + body.length)
                                        .getBytes(StandardCharsets.UTF_8)))));
        api = URI.create("http://127.0.0.1:" + edge.address().getPort());
        agent = URI.create("http://127.0.0.1:" + agentAddress.getPort());
    }

    @AfterEach
    void stop() {
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
}
