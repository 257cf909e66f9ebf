package io.berth.edge;

import io.berth.edge.sigv4.SignedRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the edge does with each way an operation declares its authorization, for a caller whose
 * policies allow nothing: resources are checked, an operation open to every caller or authorized
 * in its handler runs, and resources resolving to none are an internal failure, never a decision.
 */
class DispatcherAuthorizationTest {

    static final String ACCESS_KEY = "AKIADISPATCHTEST0001";
    static final String SECRET_KEY = "dispatcher/test/secret/key/0000000000000";
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    static final Principal USER = new Principal(Principal.Kind.USER, "000000000000",
            "arn:aws:iam::000000000000:user/nobody", "AIDADISPATCHTEST00001", ACCESS_KEY);

    public record Request(String name) {
    }

    public record Result(String ran) {
    }

    final AtomicInteger handled = new AtomicInteger();
    final List<String> checked = new ArrayList<>();

    final Dispatcher dispatcher = new Dispatcher(List.of(new ServiceDefinition.Query("elasticloadbalancing",
            "2015-12-01", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/", List.of(
            Operation.named("elasticloadbalancing", "OnNothing", Request.class).on((c, r) -> List.of())
                    .handledBy(this::run),
            Operation.named("elasticloadbalancing", "OnOne", Request.class)
                    .on((c, r) -> List.of("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/"
                            + r.name()))
                    .handledBy(this::run),
            Operation.named("elasticloadbalancing", "Anyone", Request.class).allowedToEveryCaller()
                    .handledBy(this::run),
            Operation.named("elasticloadbalancing", "Inside", Request.class).authorizedInHandler()
                    .handledBy(this::run)))),
            new CredentialRegistry() {
                @Override
                public Optional<IssuedCredential> find(String accessKeyId) {
                    return accessKeyId.equals(ACCESS_KEY)
                            ? Optional.of(new IssuedCredential(ACCESS_KEY, SECRET_KEY, null, USER)) : Optional.empty();
                }

                @Override
                public void used(String accessKeyId, String service, String region, Instant when) {
                }
            },
            (context, action, resource, keys, tags) -> {
                checked.add(action + " " + resource);
                return false;
            },
            ResourceTagLookup.NONE, InstantSource.fixed(NOW), Duration.ofMinutes(5));

    Result run(RequestContext context, Request request) {
        handled.incrementAndGet();
        return new Result(request.name());
    }

    @Test
    void resourcesResolvingToNoneAreAnInternalFailureAndNothingRuns() {
        EdgeResponse response = call("OnNothing");

        assertThat(response.status()).isEqualTo(500);
        assertThat(body(response)).contains("<Code>InternalFailure</Code>");
        assertThat(checked).isEmpty();
        assertThat(handled).hasValue(0);
    }

    @Test
    void anOperationOnResourcesIsDeniedWhatThePoliciesDeny() {
        EdgeResponse response = call("OnOne");

        assertThat(response.status()).isEqualTo(403);
        assertThat(body(response)).contains("<Code>AccessDenied</Code>")
                .contains("User: arn:aws:iam::000000000000:user/nobody is not authorized to perform: "
                        + "elasticloadbalancing:OnOne on resource: "
                        + "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web");
        assertThat(handled).hasValue(0);
    }

    @Test
    void anOperationOpenToEveryCallerOrAuthorizedInItsHandlerRunsWithoutAskingThePolicies() {
        EdgeResponse anyone = call("Anyone");
        EdgeResponse inside = call("Inside");

        assertThat(anyone.status()).isEqualTo(200);
        assertThat(body(anyone)).contains("<AnyoneResult><Ran>web</Ran></AnyoneResult>");
        assertThat(inside.status()).isEqualTo(200);
        assertThat(checked).isEmpty();
        assertThat(handled).hasValue(2);
    }

    private static String body(EdgeResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A Query call of {@code action} with {@code Name=web}, signed as the AWS SDK signs it. */
    private EdgeResponse call(String action) {
        byte[] form = ("Action=" + action + "&Version=2015-12-01&Name=web").getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:4566/"))
                .appendHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(form))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "elasticloadbalancing")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        SdkHttpRequest wire = signed.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        wire.forEachHeader((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        headers.putIfAbsent("host", List.of(wire.host() + ":" + wire.port()));
        return dispatcher.dispatch("req-1", "127.0.0.1", new SignedRequest("POST", "/", null, headers, form));
    }
}
