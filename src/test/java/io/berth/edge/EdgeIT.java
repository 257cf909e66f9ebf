package io.berth.edge;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeIT {

    private static final String ECS_TARGET = "AmazonEC2ContainerServiceV20141113.";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        berth.close();
    }

    @Test
    void healthAnswersWithoutSignature() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(berth.endpoint().resolve("/_berth/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void unsignedJsonRequestIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(berth.endpoint())
                .header("X-Amz-Target", ECS_TARGET + "CreateCluster")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clusterName\":\"unsigned\"}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
        assertThat(ecs.listClusters().clusterArns()).noneMatch(arn -> arn.endsWith("/unsigned"));
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        try (EcsClient wrong = berth.ecs("us-east-1", TestBerth.ACCESS_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> wrong.createCluster(r -> r.clusterName("wrong-secret")))
                    .isInstanceOfSatisfying(EcsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
        assertThat(ecs.listClusters().clusterArns()).noneMatch(arn -> arn.endsWith("/wrong-secret"));
    }

    @Test
    void unknownAccessKeyIsUnrecognized() {
        try (EcsClient stranger = berth.ecs("us-east-1", "AKIAUNKNOWNUNKNOWN00", TestBerth.SECRET_KEY)) {
            assertThatThrownBy(stranger::listClusters).isInstanceOfSatisfying(EcsException.class, e ->
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void tamperedBodyFailsVerificationAndChangesNothing() throws Exception {
        SdkHttpRequest signed = sign("ecs", ECS_TARGET + "CreateCluster", "{\"clusterName\":\"tampered\"}");
        HttpResponse<String> response = send(signed, "{\"clusterName\":\"tampereD\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidSignatureException");
        assertThat(ecs.listClusters().clusterArns()).noneMatch(arn -> arn.toLowerCase().endsWith("/tampered"));
    }

    @Test
    void signedRawRequestIsServed() throws Exception {
        String body = "{\"clusterName\":\"raw-signed\"}";
        HttpResponse<String> response = send(sign("ecs", ECS_TARGET + "CreateCluster", body), body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.body()).contains("\"clusterArn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/raw-signed\"");
    }

    @Test
    void credentialScopedToAnotherServiceIsRefused() throws Exception {
        String body = "{}";
        HttpResponse<String> response = send(sign("sts", ECS_TARGET + "ListClusters", body), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidSignatureException").contains("scoped to correct service: 'ecs'");
    }

    @Test
    void unknownJsonOperationIsUnknownOperationException() throws Exception {
        String body = "{}";
        HttpResponse<String> response = send(sign("ecs", ECS_TARGET + "LaunchRockets", body), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"");
    }

    @Test
    void expiredSignatureIsRefused(@TempDir Path otherDir) {
        InstantSource tenMinutesAhead = () -> Instant.now().plus(Duration.ofMinutes(10));
        try (TestBerth later = TestBerth.start(otherDir, tenMinutesAhead); EcsClient client = later.ecs()) {
            assertThatThrownBy(client::listClusters).isInstanceOfSatisfying(EcsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("Signature expired");
            });
        }
    }

    @Test
    void queryProtocolServesStsGetCallerIdentity() {
        try (var sts = berth.sts()) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();

            assertThat(identity.account()).isEqualTo("000000000000");
            assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void unknownQueryActionIsInvalidActionInXml() throws Exception {
        String form = "Action=LaunchRockets&Version=2011-06-15";
        SdkHttpRequest signed = signForm("sts", form);
        HttpResponse<String> response = send(signed, form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>")
                .contains("<Code>InvalidAction</Code>").contains("<RequestId>");
    }

    @Test
    void unsignedQueryRequestIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(berth.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    private static SdkHttpRequest sign(String service, String target, String body) {
        return sign(service, Map.of("X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1"), body);
    }

    private static SdkHttpRequest signForm(String service, String form) {
        return sign(service, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form);
    }

    private static SdkHttpRequest sign(String service, Map<String, String> headers, String body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(berth.endpoint());
        headers.forEach(request::putHeader);
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
    }

    private static HttpResponse<String> send(SdkHttpRequest signed, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(berth.endpoint().toString()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
