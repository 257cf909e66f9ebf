package io.berth.edge.sigv4;

import static io.berth.edge.sigv4.Failure.EXPIRED;
import static io.berth.edge.sigv4.Failure.INCOMPLETE_SIGNATURE;
import static io.berth.edge.sigv4.Failure.INVALID_SESSION_TOKEN;
import static io.berth.edge.sigv4.Failure.MISSING_AUTHENTICATION;
import static io.berth.edge.sigv4.Failure.SIGNATURE_MISMATCH;
import static io.berth.edge.sigv4.Failure.UNKNOWN_ACCESS_KEY;
import static io.berth.edge.sigv4.WireRequests.bumpAt;
import static io.berth.edge.sigv4.WireRequests.bumpHex;
import static io.berth.edge.sigv4.WireRequests.isAlphanumeric;
import static io.berth.edge.sigv4.WireRequests.withBody;
import static io.berth.edge.sigv4.WireRequests.withHeader;
import static io.berth.edge.sigv4.WireRequests.withMethod;
import static io.berth.edge.sigv4.WireRequests.withPath;
import static io.berth.edge.sigv4.WireRequests.withQuery;
import static io.berth.edge.sigv4.WireRequests.withQueryValue;
import static io.berth.edge.sigv4.WireRequests.withoutHeader;
import static io.berth.edge.sigv4.WireRequests.withoutQueryParameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Requests signed at test time by botocore's own SigV4Auth and SigV4QueryAuth (Debian's
 * python3-botocore, run once for all cases by src/test/resources/sigv4/botocore_sign.py) must
 * verify; changing any signed part of them must not. Fails, rather than skips, without
 * /usr/bin/python3 and botocore.
 */
class SigV4BotocoreTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    static final String ACCESS_KEY = "AKIABERTHBOTOCORE001";
    static final String SECRET_KEY = "j9F/kq+2Zm8UxBerthExampleSecretKey/+=0Aa";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEBerth//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+session/token==";
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    /** Paths as botocore's serializers put them in the URL: labels percent-encoded, sub-delims raw. */
    private static final String[] PATHS = {
        "/",
        "",
        "/v1/clusters/default",
        "/a%20b/c%2Fd/e%2Bf",
        "/%E2%82%AC/%F0%9F%9A%80/%C3%BC",
        "/tilde~/plus+/equals=/dollar$/at@/colon:/comma,/semi;/amp&/bang!/star*/paren()/quote'",
        "/dots/./x/../y/.hidden/.../z/.",
        "/../../escape/a/b/..",
        "//double//slashes///",
        "/%2E%2E/%2e/encoded-dots",
        "/percent%25literal/100%25",
        "/quote%22/angle%3C%3E/hash%23/question%3F/space%20",
        "/Mixed-Case_path.~/123/",
    };
    private record Query(List<List<String>> pairs, String raw) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query(List.of(), null),
            new Query(List.of(List.of("Action", "ListClusters"), List.of("Version", "2014-11-13")), null),
            new Query(List.of(List.of("b", "2"), List.of("a", "1"), List.of("c", "3")), null),
            new Query(List.of(List.of("k", "2"), List.of("k", "1"), List.of("k", "10"), List.of("K", "0")), null),
            new Query(List.of(List.of("empty", ""), List.of("x", "y")), "flag&novalue&z=%2F%20%E2%82%AC"),
            new Query(List.of(List.of("sp ace", "v a l"), List.of("plus+", "1+1=2"), List.of("slash/", "a/b"),
                    List.of("uni€", "üñí"), List.of("tilde~", "~"), List.of("eq=", "=&?#")), null),
            new Query(List.of(List.of("~", "1"), List.of("é", "2"), List.of("_", "3"), List.of("-", "4"),
                    List.of("a", "5"), List.of("B", "6"), List.of("%", "7")), null));
    private static final List<Function<byte[], List<List<String>>>> HEADER_SETS = List.of(
            body -> List.of(),
            body -> List.of(List.of("Content-Type", "application/x-amz-json-1.1"),
                    List.of("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")),
            body -> List.of(List.of("X-Multi", "b"), List.of("X-Multi", "a"), List.of("X-Multi", " c ")),
            body -> List.of(List.of("X-Spaces", "  a   b \t c  "), List.of("X-Tabs", "\tx\t\ty\t")),
            body -> List.of(List.of("X-Amz-Content-SHA256", Crypto.sha256Hex(body))),
            body -> List.of(List.of("User-Agent", "aws-cli/2.15 Python/3.11"),
                    List.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
            body -> List.of(List.of("X-CamelCase-Header", "Value"), List.of("x-lower", "v"), List.of("X-EMPTY", "")),
            body -> List.of(List.of("Accept", "application/json"), List.of("X-Amz-User-Agent", "Boto3/1.0"),
                    List.of("Expect", "100-continue")),
            body -> List.of(List.of("X-Quoted", "\"a   b\""), List.of("X-Comma", "a, b,c"),
                    List.of("X-Symbols", "~!@#$%^&*()")),
            body -> List.of(List.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==")),
            body -> List.of(List.of("X-Amz-Meta-Data", "  leading"), List.of("X-Amz-Meta-Data", "trailing  ")));
    private static final List<byte[]> BODIES = List.of(
            new byte[0],
            "{\"cluster\":\"default\",\"count\":3,\"tags\":[{\"key\":\"k\",\"value\":\"ü\"}]}"
                    .getBytes(StandardCharsets.UTF_8),
            binaryBody(),
            "Action=ListUsers&Version=2010-05-08&Path=%2F".getBytes(StandardCharsets.UTF_8));
    private static final String[] HOSTS = {"https://ecs.us-east-1.amazonaws.com", "http://localhost:4566",
        "http://[::1]:9000", "https://127.0.0.1:8443", "http://berth.local"};
    private static final String[][] SCOPES = {{"2015-08-30T12:36:00Z", "us-east-1", "ecs"},
        {"2024-02-29T23:59:59Z", "eu-west-3", "iam"}, {"2031-12-31T00:00:00Z", "ap-southeast-2", "sts"}};
    private static final long[] EXPIRES = {1, 60, 900, 3600, 86_400, 604_800};
    static final int HEADER_CASES = 154;
    static final int PRESIGNED_CASES = 60;

    /** What botocore_sign.py reads; property names become snake_case. */
    record Spec(String id, String method, String url, List<List<String>> query, String rawQuery,
                List<List<String>> headers, List<List<String>> after, String bodyB64, String accessKey,
                String secretKey, String token, String region, String service, String timestamp,
                boolean presign, long expires, boolean dateHeader, boolean unsignedPayload) {
    }

    /** A request botocore signed, as the edge hands it over. */
    record Signed(Spec spec, String url, SignedRequest request) {
        Instant signedAt() {
            return Instant.parse(spec.timestamp());
        }

        /** A moment at which the request is valid: half a minute after signing, within any expiry. */
        Instant validAt() {
            return signedAt().plusSeconds(spec.presign() ? Math.min(spec.expires(), 30) : 30);
        }

        VerifiedSignature expected() {
            return new VerifiedSignature(ACCESS_KEY, spec.region(), spec.service(), signedAt(), spec.token());
        }

        SigV4Verifier verifier() {
            return verifier(new SigningSecret(SECRET_KEY, spec.token()), validAt());
        }

        SigV4Verifier verifier(SigningSecret secret, Instant now) {
            return new SigV4Verifier(id -> id.equals(ACCESS_KEY) ? Optional.of(secret) : Optional.empty(),
                    InstantSource.fixed(now), SKEW);
        }

        @Override
        public String toString() {
            return spec.id() + " " + spec.method() + " " + url;
        }
    }

    private record Mutation(String name, SignedRequest request, Failure expected) {
    }

    private static Map<String, Signed> signed;

    @BeforeAll
    static void signWithBotocore() throws Exception {
        List<Spec> specs = new ArrayList<>();
        specs.addAll(headerSpecs());
        specs.addAll(presignedSpecs());
        specs.addAll(scenarioSpecs());
        signed = runBotocore(specs);
    }

    @Test
    void everySpecWasSigned() {
        assertThat(signed).hasSize(HEADER_CASES + PRESIGNED_CASES + scenarioSpecs().size());
    }

    @TestFactory
    Stream<DynamicNode> botocoreSignedRequestsVerifyAndEverySignedPartMatters() {
        return signed.values().stream()
                .filter(s -> !s.spec().id().startsWith("scenario"))
                .map(s -> dynamicContainer(s.toString(), Stream.concat(
                        Stream.of(dynamicTest("verifies", () ->
                                assertThat(s.verifier().verify(s.request())).isEqualTo(s.expected()))),
                        mutations(s).stream().map(m -> dynamicTest(m.name(), () -> check(s, m))))));
    }

    @Test
    void unknownAccessKeyIsRejected() {
        Signed s = scenario("plain");
        SigV4Verifier verifier = new SigV4Verifier(id -> Optional.empty(), InstantSource.fixed(s.validAt()), SKEW);
        assertThatThrownBy(() -> verifier.verify(s.request())).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.failure()).isEqualTo(UNKNOWN_ACCESS_KEY);
            assertThat(e).hasMessage("The security token included in the request is invalid.");
        });
    }

    @Test
    void requestWithoutAuthenticationIsRejected() {
        Signed s = scenario("plain");
        assertFailure(s.verifier(), withoutHeader(s.request(), "authorization"), MISSING_AUTHENTICATION,
                "Missing Authentication Token");
        Signed p = scenario("presigned");
        assertFailure(p.verifier(), WireRequests.withQuery(p.request(), "Action=GetCallerIdentity"),
                MISSING_AUTHENTICATION, "Missing Authentication Token");
        assertFailure(p.verifier(), withoutQueryParameter(p.request(), "X-Amz-Algorithm"), INCOMPLETE_SIGNATURE,
                "AWS query-string parameters must include 'X-Amz-Algorithm'. Re-examine the query-string parameters.");
    }

    @Test
    void requestSignedMoreThanTheSkewAgoHasExpired() {
        Signed s = scenario("plain");
        SigningSecret secret = new SigningSecret(SECRET_KEY, null);
        assertFailure(s.verifier(secret, s.signedAt().plus(Duration.ofMinutes(6))), s.request(), EXPIRED,
                "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z "
                        + "(20150830T124200Z - 5 min.)");
        assertFailure(s.verifier(secret, s.signedAt().minus(Duration.ofMinutes(6))), s.request(), EXPIRED,
                "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z "
                        + "(20150830T123000Z + 5 min.)");
        assertThat(s.verifier(secret, s.signedAt().plus(SKEW)).verify(s.request())).isEqualTo(s.expected());
        assertThat(s.verifier(secret, s.signedAt().minus(SKEW)).verify(s.request())).isEqualTo(s.expected());
    }

    @Test
    void sessionTokenMustBeTheCredentialsOwn() {
        Signed withToken = scenario("token");
        Instant now = withToken.validAt();
        assertThat(withToken.verifier().verify(withToken.request())).isEqualTo(withToken.expected());
        assertInvalidToken(withToken.verifier(new SigningSecret(SECRET_KEY, null), now), withToken.request());
        assertInvalidToken(withToken.verifier(new SigningSecret(SECRET_KEY, TOKEN + "x"), now), withToken.request());
        assertInvalidToken(withToken.verifier(), withoutHeader(withToken.request(), "x-amz-security-token"));

        Signed withoutToken = scenario("plain");
        assertInvalidToken(withoutToken.verifier(new SigningSecret(SECRET_KEY, TOKEN), withoutToken.validAt()),
                withoutToken.request());
    }

    @Test
    void presignedSessionTokenMustBeTheCredentialsOwn() {
        Signed withToken = scenario("presigned-token");
        Instant now = withToken.validAt();
        assertThat(withToken.verifier().verify(withToken.request())).isEqualTo(withToken.expected());
        assertInvalidToken(withToken.verifier(new SigningSecret(SECRET_KEY, null), now), withToken.request());
        assertInvalidToken(withToken.verifier(new SigningSecret(SECRET_KEY, TOKEN + "x"), now), withToken.request());
        assertInvalidToken(withToken.verifier(),
                withoutQueryParameter(withToken.request(), "X-Amz-Security-Token"));

        Signed withoutToken = scenario("presigned");
        assertInvalidToken(withoutToken.verifier(new SigningSecret(SECRET_KEY, TOKEN), withoutToken.validAt()),
                withoutToken.request());
    }

    @Test
    void presignedRequestExpiresAfterXAmzExpires() {
        Signed s = scenario("presigned");
        SigningSecret secret = new SigningSecret(SECRET_KEY, null);
        Instant deadline = s.signedAt().plusSeconds(s.spec().expires());
        assertThat(s.verifier(secret, deadline).verify(s.request())).isEqualTo(s.expected());
        assertFailure(s.verifier(secret, deadline.plusSeconds(1)), s.request(), EXPIRED, "Request has expired");
        assertFailure(s.verifier(secret, s.signedAt().minus(Duration.ofMinutes(6))), s.request(), EXPIRED,
                "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z "
                        + "(20150830T123000Z + 5 min.)");
    }

    @Test
    void unsignedPayloadIsOnlyAcceptedWhenAPresignedRequestDeclaresIt() {
        // botocore signs UNSIGNED-PAYLOAD when payload signing is off; the header form must sign the body.
        Signed header = scenario("unsigned-payload");
        assertThat(header.request().headers().get("x-amz-content-sha256")).containsExactly("UNSIGNED-PAYLOAD");
        assertFailure(header.verifier(), header.request(), SIGNATURE_MISMATCH,
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
        // SigV4QueryAuth then leaves no trace of it in the URL, so the body hash is expected.
        Signed presigned = scenario("presigned-unsigned-payload");
        assertFailure(presigned.verifier(), presigned.request(), SIGNATURE_MISMATCH,
                SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE);
    }

    private static void check(Signed s, Mutation mutation) {
        SigV4Verifier verifier = s.verifier();
        if (mutation.expected() == null) {
            assertThat(verifier.verify(mutation.request())).isEqualTo(s.expected());
        } else {
            assertThatThrownBy(() -> verifier.verify(mutation.request()))
                    .isInstanceOfSatisfying(SigV4Exception.class,
                            e -> assertThat(e.failure()).isEqualTo(mutation.expected()));
        }
    }

    private static List<Mutation> mutations(Signed s) {
        SignedRequest r = s.request();
        boolean presigned = s.spec().presign();
        List<Mutation> mutations = new ArrayList<>();
        mutations.add(new Mutation("method", withMethod(r, otherMethod(r.method())), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("path byte", withPath(r, mutatedPath(r.rawPath())), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("query byte", withQuery(r, mutatedQuery(r.rawQuery(), presigned)),
                SIGNATURE_MISMATCH));
        for (String name : signedHeaders(r, presigned)) {
            mutations.add(new Mutation("signed header " + name, withHeader(r, name, mutatedHeader(r, name)),
                    name.equals("x-amz-security-token") ? INVALID_SESSION_TOKEN : SIGNATURE_MISMATCH));
        }
        mutations.add(new Mutation("host header removed", withoutHeader(r, "host"), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("body byte", withBody(r, mutatedBody(r.body())), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("date", mutatedDate(r, presigned), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("signature", mutatedSignature(r, presigned), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("scope region", mutatedCredential(r, presigned, 2), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("scope service", mutatedCredential(r, presigned, 3), SIGNATURE_MISMATCH));
        mutations.add(new Mutation("access key", mutatedCredential(r, presigned, 0), UNKNOWN_ACCESS_KEY));

        // Changes that leave the canonical request alone must not break the signature.
        if (r.rawPath().startsWith("/")) {
            mutations.add(new Mutation("equivalent: dot segment", withPath(r, "/." + r.rawPath()), null));
        }
        mutations.add(new Mutation("equivalent: unsigned header added",
                withHeader(r, "x-amzn-trace-id", List.of("Root=1-5759e988-bd862e3fe1be46a994272793")), null));
        String reencoded = percentEncodeOneLetter(r.rawQuery());
        if (reencoded != null) {
            mutations.add(new Mutation("equivalent: letter percent-encoded in query", withQuery(r, reencoded), null));
        }
        String lowerHex = lowerCaseEscapes(r.rawQuery());
        if (lowerHex != null && !lowerHex.equals(r.rawQuery())) {
            mutations.add(new Mutation("equivalent: lower-case hex in query", withQuery(r, lowerHex), null));
        }
        return mutations;
    }

    private static String otherMethod(String method) {
        return method.equals("GET") ? "POST" : "GET";
    }

    private static String mutatedPath(String rawPath) {
        String canonical = CanonicalRequest.canonicalUri(rawPath);
        for (int i = rawPath.length() - 1; i >= 0; i--) {
            if (isAlphanumeric(rawPath.charAt(i))) {
                String candidate = bumpAt(rawPath, i);
                if (!CanonicalRequest.canonicalUri(candidate).equals(canonical)) {
                    return candidate;
                }
            }
        }
        return rawPath.endsWith("/") ? rawPath + "x" : rawPath + "/x";
    }

    /** One letter or digit of a name or value changed (never the presigning parameters), or a parameter added. */
    private static String mutatedQuery(String rawQuery, boolean presigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "zz=1";
        }
        String[] parts = rawQuery.split("&", -1);
        for (int p = 0; p < parts.length; p++) {
            if (presigned && parts[p].startsWith("X-Amz-")) {
                continue;
            }
            for (int i = parts[p].length() - 1; i >= 0; i--) {
                if (isAlphanumeric(parts[p].charAt(i)) && !insideEscape(parts[p], i)) {
                    parts[p] = bumpAt(parts[p], i);
                    return String.join("&", parts);
                }
            }
        }
        return rawQuery + "&zz=1";
    }

    private static List<String> mutatedHeader(SignedRequest r, String name) {
        List<String> values = new ArrayList<>(r.headers().get(name));
        String value = values.getFirst();
        int index;
        if (name.equals("x-amz-date")) {
            index = 14;
        } else if (name.equals("date")) {
            index = value.lastIndexOf(':') + 2;
        } else {
            index = value.length() - 1;
            while (index >= 0 && !isAlphanumeric(value.charAt(index))) {
                index--;
            }
        }
        values.set(0, index < 0 ? value + "x" : bumpAt(value, index));
        return values;
    }

    private static byte[] mutatedBody(byte[] body) {
        if (body.length == 0) {
            return new byte[] {'x'};
        }
        byte[] mutated = body.clone();
        mutated[body.length / 2] ^= 1;
        return mutated;
    }

    private static SignedRequest mutatedDate(SignedRequest r, boolean presigned) {
        if (presigned) {
            return withQueryValue(r, "X-Amz-Date", value -> bumpAt(value, 14));
        }
        String name = r.headers().containsKey("x-amz-date") ? "x-amz-date" : "date";
        return withHeader(r, name, mutatedHeader(r, name));
    }

    private static SignedRequest mutatedSignature(SignedRequest r, boolean presigned) {
        if (presigned) {
            return withQueryValue(r, "X-Amz-Signature", value -> bumpHex(value.charAt(0)) + value.substring(1));
        }
        String authorization = r.headers().get("authorization").getFirst();
        int at = authorization.indexOf("Signature=") + "Signature=".length();
        return withHeader(r, "authorization", List.of(authorization.substring(0, at)
                + bumpHex(authorization.charAt(at)) + authorization.substring(at + 1)));
    }

    /** Changes the last character of one part of the credential: 0 access key, 2 region, 3 service. */
    private static SignedRequest mutatedCredential(SignedRequest r, boolean presigned, int part) {
        if (presigned) {
            return withQueryValue(r, "X-Amz-Credential", value -> bumpPart(value, "%2F", part));
        }
        String authorization = r.headers().get("authorization").getFirst();
        int start = authorization.indexOf("Credential=") + "Credential=".length();
        int end = authorization.indexOf(',', start);
        return withHeader(r, "authorization", List.of(authorization.substring(0, start)
                + bumpPart(authorization.substring(start, end), "/", part) + authorization.substring(end)));
    }

    private static String bumpPart(String credential, String separator, int part) {
        List<String> parts = new ArrayList<>(List.of(credential.split(java.util.regex.Pattern.quote(separator))));
        String value = parts.get(part);
        parts.set(part, bumpAt(value, value.length() - 1));
        return String.join(separator, parts);
    }

    private static List<String> signedHeaders(SignedRequest r, boolean presigned) {
        String value;
        if (presigned) {
            value = QueryParameter.first(QueryParameter.parse(r.rawQuery()), "X-Amz-SignedHeaders");
        } else {
            String authorization = r.headers().get("authorization").getFirst();
            int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
            value = authorization.substring(start, authorization.indexOf(',', start));
        }
        return List.of(value.split(";"));
    }

    private static String percentEncodeOneLetter(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (Character.isLetter(c) && c < 0x80 && !insideEscape(rawQuery, i)) {
                return rawQuery.substring(0, i) + String.format("%%%02X", (int) c) + rawQuery.substring(i + 1);
            }
        }
        return null;
    }

    private static String lowerCaseEscapes(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(rawQuery);
        for (int i = 0; i + 2 < out.length(); i++) {
            if (out.charAt(i) == '%') {
                out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
                out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
            }
        }
        return out.toString();
    }

    private static boolean insideEscape(String s, int i) {
        return (i >= 1 && s.charAt(i - 1) == '%') || (i >= 2 && s.charAt(i - 2) == '%');
    }

    private static void assertInvalidToken(SigV4Verifier verifier, SignedRequest request) {
        assertFailure(verifier, request, INVALID_SESSION_TOKEN, "The security token included in the request is invalid.");
    }

    private static void assertFailure(SigV4Verifier verifier, SignedRequest request, Failure failure, String message) {
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e).hasMessage(message);
        });
    }

    private static Signed scenario(String name) {
        return signed.get("scenario-" + name);
    }

    private static List<Spec> headerSpecs() {
        Random random = new Random(4_2);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < HEADER_CASES; i++) {
            byte[] body = BODIES.get(i % BODIES.size());
            Query query = QUERIES.get(i % QUERIES.size());
            String[] scope = SCOPES[i % SCOPES.length];
            boolean token = random.nextBoolean();
            boolean dateHeader = random.nextInt(5) == 0;
            List<List<String>> after = random.nextBoolean()
                    ? List.of(List.of("Accept-Encoding", "identity"), List.of("X-Amzn-Trace-Id", "Root=1-abc"))
                    : List.of();
            String id = String.format("header-%03d", i) + (token ? " token" : "") + (dateHeader ? " date-header" : "");
            specs.add(new Spec(id, METHODS[i % METHODS.length], HOSTS[random.nextInt(HOSTS.length)]
                    + PATHS[i % PATHS.length], query.pairs(), query.raw(),
                    HEADER_SETS.get(i % HEADER_SETS.size()).apply(body), after, base64(body), ACCESS_KEY, SECRET_KEY,
                    token ? TOKEN : null, scope[1], scope[2], scope[0], false, 0, dateHeader, false));
        }
        return specs;
    }

    private static List<Spec> presignedSpecs() {
        Random random = new Random(7);
        String[] methods = {"GET", "GET", "PUT", "DELETE", "HEAD"};
        byte[] form = "{\"Action\":\"GetCallerIdentity\",\"Version\":\"2011-06-15\"}".getBytes(StandardCharsets.UTF_8);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < PRESIGNED_CASES; i++) {
            Query query = QUERIES.get(i % QUERIES.size());
            String[] scope = SCOPES[i % SCOPES.length];
            boolean token = random.nextBoolean();
            // SigV4QueryAuth moves a (JSON) body into the query string.
            byte[] body = i % 4 == 0 ? form : new byte[0];
            List<List<String>> headers = i % 5 == 2 ? List.of(List.of("X-Custom-Signed", "value  with  spaces"))
                    : List.of();
            specs.add(new Spec(String.format("presigned-%03d", i) + (token ? " token" : ""), methods[i % methods.length],
                    HOSTS[random.nextInt(HOSTS.length)] + PATHS[i % PATHS.length], query.pairs(), query.raw(),
                    headers, List.of(), base64(body), ACCESS_KEY, SECRET_KEY, token ? TOKEN : null, scope[1],
                    scope[2], scope[0], true, EXPIRES[i % EXPIRES.length], false, false));
        }
        return specs;
    }

    private static List<Spec> scenarioSpecs() {
        String ts = "2015-08-30T12:36:00Z";
        String host = "https://ecs.us-east-1.amazonaws.com";
        List<List<String>> callerIdentity = List.of(List.of("Action", "GetCallerIdentity"),
                List.of("Version", "2011-06-15"));
        byte[] json = "{\"cluster\":\"default\"}".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Spec("scenario-plain", "GET", host + "/", List.of(), null, List.of(), List.of(), "", ACCESS_KEY,
                        SECRET_KEY, null, "us-east-1", "ecs", ts, false, 0, false, false),
                new Spec("scenario-token", "POST", host + "/", List.of(), null, List.of(), List.of(), base64(json),
                        ACCESS_KEY, SECRET_KEY, TOKEN, "us-east-1", "ecs", ts, false, 0, false, false),
                new Spec("scenario-presigned", "GET", host + "/", callerIdentity, null, List.of(), List.of(), "",
                        ACCESS_KEY, SECRET_KEY, null, "us-east-1", "sts", ts, true, 60, false, false),
                new Spec("scenario-presigned-token", "GET", host + "/", callerIdentity, null, List.of(), List.of(), "",
                        ACCESS_KEY, SECRET_KEY, TOKEN, "us-east-1", "sts", ts, true, 900, false, false),
                new Spec("scenario-unsigned-payload", "POST", host + "/", List.of(), null, List.of(), List.of(),
                        base64(json), ACCESS_KEY, SECRET_KEY, null, "us-east-1", "ecs", ts, false, 0, false, true),
                new Spec("scenario-presigned-unsigned-payload", "PUT", host + "/upload", List.of(), null, List.of(),
                        List.of(), "", ACCESS_KEY, SECRET_KEY, null, "us-east-1", "ecs", ts, true, 60, false, true));
    }

    private static Map<String, Signed> runBotocore(List<Spec> specs) throws Exception {
        assertThat(PYTHON).as("Debian's /usr/bin/python3 with python3-botocore is required").isExecutable();
        Path script = Path.of(SigV4BotocoreTest.class.getResource("/sigv4/botocore_sign.py").toURI());
        Path stderr = Files.createTempFile("botocore_sign", ".stderr");
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-I", script.toString())
                    .redirectError(stderr.toFile())
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(specs));
            }
            byte[] stdout = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("botocore_sign.py finished").isTrue();
            assertThat(process.exitValue()).as("botocore_sign.py failed:\n%s", Files.readString(stderr)).isZero();

            Map<String, Spec> byId = new LinkedHashMap<>();
            specs.forEach(spec -> byId.put(spec.id(), spec));
            Map<String, Signed> result = new LinkedHashMap<>();
            for (JsonNode node : JSON.readTree(stdout)) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (JsonNode header : node.get("headers")) {
                    headers.computeIfAbsent(header.get(0).asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(header.get(1).asText());
                }
                String url = node.get("url").asText();
                SignedRequest request = WireRequests.fromUrl(node.get("method").asText(), url, headers,
                        Base64.getDecoder().decode(node.get("body_b64").asText()));
                result.put(node.get("id").asText(), new Signed(byId.get(node.get("id").asText()), url, request));
            }
            return result;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] binaryBody() {
        byte[] body = new byte[64 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + (i >> 8));
        }
        return body;
    }
}
