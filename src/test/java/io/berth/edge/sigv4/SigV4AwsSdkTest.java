package io.berth.edge.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests signed by the AWS SDK for Java v2's own SigV4 signer (with the defaults of non-S3
 * services: path normalised and double-encoded, payload signed) must verify, in both the header
 * and the presigned form.
 */
class SigV4AwsSdkTest {
    private static final String ACCESS_KEY = "AKIABERTHJAVASDK0001";
    private static final String SECRET_KEY = "Zx/9+kBerthJavaSdkExampleSecret+/==Q1w2e3";
    private static final String TOKEN = "FwoGZXIvYXdzEBerthJavaSdk//////////wEaDFbX+session/token==";
    private static final Instant SIGNED_AT = Instant.parse("2024-02-29T23:59:59Z");
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    private static final String[] PATHS = {"/", "/v1/clusters/default", "/a%20b/c%2Fd/e%2Bf",
        "/%E2%82%AC/%C3%BC", "/tilde~/plus+/equals=/dollar$/colon:", "/dots/./x/../y", "/percent%25literal",
        "/Mixed-Case_path.~/123/"};
    private static final List<List<List<String>>> QUERIES = List.of(
            List.of(),
            List.of(List.of("Action", "DescribeClusters"), List.of("Version", "2014-11-13")),
            List.of(List.of("k", "2"), List.of("k", "1"), List.of("a", "")),
            List.of(List.of("sp ace", "v a l"), List.of("plus+", "1+1=2"), List.of("slash/", "a/b"),
                    List.of("uni€", "ü"), List.of("~", "~")));
    private static final List<List<List<String>>> HEADERS = List.of(
            List.of(),
            List.of(List.of("Content-Type", "application/x-amz-json-1.1"),
                    List.of("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")),
            List.of(List.of("X-Multi", "b"), List.of("X-Multi", "a")),
            List.of(List.of("X-Spaces", "  a   b  c  ")));
    private static final List<byte[]> BODIES = List.of(new byte[0],
            "{\"cluster\":\"default\"}".getBytes(StandardCharsets.UTF_8),
            "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));

    private record Case(String name, String method, String path, List<List<String>> query,
                        List<List<String>> headers, byte[] body, String token, boolean presigned) {
    }

    @TestFactory
    Stream<DynamicTest> sdkSignedRequestsVerify() {
        return IntStream.range(0, 80).mapToObj(SigV4AwsSdkTest::testCase)
                .map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    private static Case testCase(int i) {
        boolean presigned = i % 4 == 3;
        String method = presigned ? "GET" : METHODS[i % METHODS.length];
        byte[] body = presigned ? new byte[0] : BODIES.get(i % BODIES.size());
        String token = i % 3 == 0 ? TOKEN : null;
        String path = PATHS[i % PATHS.length];
        return new Case(String.format("%s-%02d %s %s%s", presigned ? "presigned" : "header", i, method, path,
                        token == null ? "" : " token"),
                method, path, QUERIES.get(i % QUERIES.size()), HEADERS.get((i / 2) % HEADERS.size()), body, token,
                presigned);
    }

    private static void check(Case c) {
        SignedRequest request = sign(c);
        SigV4Verifier verifier = new SigV4Verifier(
                id -> id.equals(ACCESS_KEY) ? Optional.of(new SigningSecret(SECRET_KEY, c.token())) : Optional.empty(),
                InstantSource.fixed(SIGNED_AT.plusSeconds(20)), Duration.ofMinutes(5));
        assertThat(verifier.verify(request))
                .isEqualTo(new VerifiedSignature(ACCESS_KEY, "eu-west-1", "ecs", SIGNED_AT, c.token()));

        SignedRequest tampered = WireRequests.withBody(request, "tampered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOfSatisfying(SigV4Exception.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.SIGNATURE_MISMATCH));
    }

    private static SignedRequest sign(Case c) {
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(c.method()))
                .uri(URI.create("http://localhost:4566"))
                .encodedPath(c.path());
        c.query().forEach(pair -> builder.appendRawQueryParameter(pair.get(0), pair.get(1)));
        c.headers().forEach(pair -> builder.appendHeader(pair.get(0), pair.get(1)));
        AwsCredentialsIdentity identity = c.token() == null
                ? AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY)
                : AwsSessionCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY, c.token());

        var signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity)
                    .request(builder.build())
                    .payload(ContentStreamProvider.fromByteArray(c.body()))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "ecs")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
            if (c.presigned()) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(15));
            }
        });

        SdkHttpRequest wire = signed.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        wire.forEachHeader((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        headers.putIfAbsent("host", List.of(wire.host() + ":" + wire.port()));
        byte[] body = signed.payload().map(SigV4AwsSdkTest::readAll).orElse(new byte[0]);
        return WireRequests.fromUrl(wire.method().name(), wire.getUri().toString(), headers, body);
    }

    private static byte[] readAll(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
