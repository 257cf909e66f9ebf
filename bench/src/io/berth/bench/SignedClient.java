package io.berth.bench;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP/1.1 keep-alive client of one server (java.net.http, for set-up calls; the load loop has
 * its own, RawHttp), and requests signed as an AWS SDK signs them (the
 * SDK's AwsV4HttpSigner: SigV4 over the given headers, host and the body). The servers accept a
 * signature for 5 minutes and verify every one, so a benchmark signs a pool shortly before each
 * measurement and replays it: the client spends its time sending, not signing.
 */
final class SignedClient {

    static final String ECS_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String JSON_11 = "application/x-amz-json-1.1";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** Headers java.net.http sets itself and refuses from callers. */
    static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    final URI endpoint;
    final HttpClient http;

    /** A signed request: for java.net.http (set-up calls), and as bytes on the wire (the load loop, RawHttp). */
    record Signed(HttpRequest request, byte[] wire) {
    }

    SignedClient(String url) {
        this.endpoint = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An ECS JSON 1.1 request of {@code operation}. */
    Signed ecs(AwsCredentialsIdentity keys, String region, String operation, String body) {
        return json(keys, "ecs", region, ECS_TARGET_PREFIX + operation, body);
    }

    /** A JSON 1.1 request; {@code target} is the X-Amz-Target header, e.g. "Logs_20140328.DescribeLogGroups". */
    Signed json(AwsCredentialsIdentity keys, String service, String region, String target, String body) {
        return sign(keys, service, region, Map.of("Content-Type", JSON_11, "X-Amz-Target", target), body);
    }

    /** A Query request (form body, parameters in the given order, then Version). */
    Signed query(AwsCredentialsIdentity keys, String service, String region, String version,
                      Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("Version", version);
        StringBuilder form = new StringBuilder();
        all.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return sign(keys, service, region, Map.of("Content-Type", FORM), form.toString());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A POST of {@code body} to the endpoint, signed for {@code service} in {@code region}. */
    Signed sign(AwsCredentialsIdentity keys, String service, String region, Map<String, String> headers,
                     String body) {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(endpoint).method(SdkHttpMethod.POST);
        headers.forEach(unsigned::putHeader);
        SdkHttpRequest request = unsigned.build();
        SignedRequest signed = SIGNER.sign(r -> r
                .identity(keys)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.request().forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return new Signed(builder.build(), RawHttp.render(endpoint, signed.request().headers().entrySet(), payload));
    }

    HttpResponse<String> send(Signed request) throws IOException, InterruptedException {
        return http.send(request.request(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request that must answer 200; its body. */
    String call(String what, Signed request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Whether a response closes its connection: the client always asks for keep-alive (HTTP/1.1). */
    static boolean closes(HttpResponse<?> response) {
        return response.headers().allValues("connection").stream().anyMatch(v -> v.equalsIgnoreCase("close"));
    }
}
