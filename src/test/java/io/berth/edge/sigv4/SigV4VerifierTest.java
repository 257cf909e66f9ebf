package io.berth.edge.sigv4;

import static io.berth.edge.sigv4.Failure.EXPIRED;
import static io.berth.edge.sigv4.Failure.INCOMPLETE_SIGNATURE;
import static io.berth.edge.sigv4.Failure.MISSING_AUTHENTICATION;
import static io.berth.edge.sigv4.Failure.SIGNATURE_MISMATCH;
import static io.berth.edge.sigv4.Failure.UNKNOWN_ACCESS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, canonicalisation details and AWS's error messages, on hand-built requests. */
class SigV4VerifierTest {
    private static final String KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String CREDENTIAL = KEY + "/20150830/us-east-1/service/aws4_request";
    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    private static final SigV4Verifier VERIFIER = verifier(Duration.ofMinutes(5));

    @Test
    void noAuthorizationAtAllIsMissingAuthentication() {
        assertFailure(request("GET", "/", null, headers()), MISSING_AUTHENTICATION, "Missing Authentication Token");
        assertFailure(request("GET", "/", "Action=ListUsers", headers("authorization", "  ")),
                MISSING_AUTHENTICATION, "Missing Authentication Token");
    }

    @Test
    void missingParametersAreListedTheWayAwsDoes() {
        String authorization = "AWS4-HMAC-SHA256 SignedHeaders=host";
        assertFailure(request("GET", "/", null, headers("host", "h", "authorization", authorization)),
                INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=" + authorization);
        assertFailure(request("GET", "/", null, headers("authorization", "AWS4-HMAC-SHA256", "x-amz-date",
                        "20150830T123600Z")), INCOMPLETE_SIGNATURE,
                "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void aPairWithoutEqualsSignIsMalformed() {
        String authorization = "AWS4-HMAC-SHA256 Credential, SignedHeaders=host, Signature=abc";
        assertFailure(signable(authorization), INCOMPLETE_SIGNATURE, "'Credential' not a valid key=value pair "
                + "(missing equal-sign) in Authorization header: '" + authorization + "'.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AWS4-HMAC-SHA512 Credential=x, SignedHeaders=host, Signature=y | AWS4-HMAC-SHA512",
        "Bearer eyJhbGciOiJIUzI1NiJ9                                    | Bearer",
        "AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=                    | AWS"})
    void onlyAws4HmacSha256IsSupported(String authorization, String algorithm) {
        assertFailure(signable(authorization), INCOMPLETE_SIGNATURE,
                "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now).");
        assertFailure(request("GET", "/", "X-Amz-Algorithm=" + algorithm, headers("host", "h")),
                INCOMPLETE_SIGNATURE, "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now).");
    }

    @ParameterizedTest
    @CsvSource({"2015-08-30T12:36:00Z", "20150830T123600", "20150830 123600Z", "20150230T123600Z", "20150830T126000Z"})
    void xAmzDateMustBeIsoBasicFormat(String date) {
        SignedRequest request = request("GET", "/", null, headers("host", "example.amazonaws.com",
                "x-amz-date", date, "authorization", authorization("host;x-amz-date", "0".repeat(64))));
        assertFailure(request, INCOMPLETE_SIGNATURE,
                "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void theDateHeaderIsUsedWithoutXAmzDate() {
        SignedRequest request = sign(request("GET", "/", null,
                headers("host", "example.amazonaws.com", "date", "Sun, 30 Aug 2015 12:36:00 GMT")), "date;host");
        assertThat(SigV4Verifier.stringToSign(request)).startsWith("AWS4-HMAC-SHA256\n20150830T123600Z\n");
        assertThat(VERIFIER.verify(request).signedAt()).isEqualTo(NOW);

        SignedRequest unparsable = WireRequests.withHeader(request, "date", List.of("yesterday"));
        assertFailure(unparsable, INCOMPLETE_SIGNATURE, "Date must be in RFC 1123 format. Got 'yesterday'.");
    }

    @Test
    void credentialScopeIsChecked() {
        assertFailure(signable("AWS4-HMAC-SHA256 Credential=" + KEY + "/20150830/us-east-1/service, "
                + "SignedHeaders=host;x-amz-date, Signature=abc"), INCOMPLETE_SIGNATURE,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                        + "got '" + KEY + "/20150830/us-east-1/service'");
        assertFailure(signable("AWS4-HMAC-SHA256 Credential=" + KEY + "/20150831/us-east-1/service/aws5_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc"), INCOMPLETE_SIGNATURE,
                "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "
                        + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                        + "'20150831' != '20150830', from '20150830T123600Z'.");
        assertFailure(signable("AWS4-HMAC-SHA256 Credential=" + KEY + "/20150830//service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc"), INCOMPLETE_SIGNATURE,
                "Credential should be scoped to a valid region.");
    }

    @Test
    void hostMustBeSigned() {
        assertFailure(signable(authorization("x-amz-date", "0".repeat(64))), INCOMPLETE_SIGNATURE,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void anEmptyAccessKeyIdIsUnknown() {
        assertFailure(signable("AWS4-HMAC-SHA256 Credential=/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc"), UNKNOWN_ACCESS_KEY,
                "The security token included in the request is invalid.");
    }

    @Test
    void componentsMaySeparateWithCommasOnly() {
        SignedRequest request = sign(base(), "host;x-amz-date");
        String spaced = request.headers().get("authorization").getFirst();
        SignedRequest compact = WireRequests.withHeader(request, "authorization", List.of(spaced.replace(", ", ",")));
        assertThat(VERIFIER.verify(compact).accessKeyId()).isEqualTo(KEY);
    }

    @Test
    void aSignedHeaderMissingFromTheRequestIsAMismatch() {
        SignedRequest request = sign(request("GET", "/", null, headers("host", "example.amazonaws.com",
                "x-amz-date", "20150830T123600Z", "x-custom", "v")), "host;x-amz-date;x-custom");
        assertThat(VERIFIER.verify(request).accessKeyId()).isEqualTo(KEY);
        assertFailure(WireRequests.withoutHeader(request, "x-custom"), SIGNATURE_MISMATCH,
                SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE);
    }

    @Test
    void aDeclaredPayloadHashMustBeTheBodys() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String hash = Crypto.sha256Hex(body);
        SignedRequest upper = sign(request("POST", "/", null, headers("host", "example.amazonaws.com",
                "x-amz-date", "20150830T123600Z", "x-amz-content-sha256", hash.toUpperCase()), body),
                "host;x-amz-content-sha256;x-amz-date");
        assertThat(SigV4Verifier.canonicalRequest(upper)).endsWith("\n" + hash.toUpperCase());
        assertThat(VERIFIER.verify(upper).accessKeyId()).isEqualTo(KEY);
        assertFailure(WireRequests.withBody(upper, "[]".getBytes(StandardCharsets.UTF_8)), SIGNATURE_MISMATCH,
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void aPresignedRequestMayDeclareAnUnsignedPayload() {
        SignedRequest request = request("PUT", "/upload", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256="
                + "UNSIGNED-PAYLOAD&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
                + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=0",
                headers("host", "example.amazonaws.com"), "any body".getBytes(StandardCharsets.UTF_8));
        assertThat(SigV4Verifier.canonicalRequest(request)).isEqualTo("""
                PUT
                /upload
                X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&X-Amz-Credential=\
                AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&\
                X-Amz-Expires=60&X-Amz-SignedHeaders=host
                host:example.amazonaws.com

                host
                UNSIGNED-PAYLOAD""");
    }

    @Test
    void presignedParametersAreChecked() {
        assertFailure(request("GET", "/", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20150830T123600Z",
                        headers("host", "h")), INCOMPLETE_SIGNATURE,
                "AWS query-string parameters must include 'X-Amz-Credential'. "
                        + "AWS query-string parameters must include 'X-Amz-Signature'. "
                        + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                        + "Re-examine the query-string parameters.");
        assertFailure(request("GET", "/", "X-Amz-Algorithm=AWS4-HMAC-SHA256", headers("authorization", "AWS4-x")),
                INCOMPLETE_SIGNATURE, "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter "
                        + "or the Authorization header should be specified.");
        assertFailure(presigned("soon"), INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number");
        assertFailure(presigned("-1"), INCOMPLETE_SIGNATURE, "X-Amz-Expires must be non-negative");
        assertFailure(presigned("604801"), INCOMPLETE_SIGNATURE,
                "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        assertFailure(presigned("604800"), SIGNATURE_MISMATCH, SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE);
    }

    @Test
    void aSkewOfSecondsIsWordedInSeconds() {
        SignedRequest request = sign(base(), "host;x-amz-date");
        SigV4Verifier strict = new SigV4Verifier(id -> Optional.of(new SigningSecret(SECRET, null)),
                InstantSource.fixed(NOW.plusSeconds(91)), Duration.ofSeconds(90));
        assertThatThrownBy(() -> strict.verify(request)).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.failure()).isEqualTo(EXPIRED);
            assertThat(e).hasMessage("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z "
                    + "(20150830T123731Z - 90 sec.)");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                | /",
        "/                   | /",
        "/a/./b/../c         | /a/c",
        "//a//b//            | /a/b/",
        "/a/b/..             | /a",
        "/a/b/.              | /a/b",
        "/../..              | /",
        "/.../a              | /.../a",
        "/a%20b/c%2Fd        | /a%2520b/c%252Fd",
        "/%2e%2E/x           | /%252e%252E/x",
        "/ሴ/é                | /%E1%88%B4/%C3%A9",
        "\"/example space/\" | /example%20space/",
        "/-._~AZaz09         | /-._~AZaz09",
        "/+=$@:,;!*'()&      | /%2B%3D%24%40%3A%2C%3B%21%2A%27%28%29%26",
        "/😀                 | /%F0%9F%98%80"})
    void canonicalUriNormalisesThenEncodesAgain(String rawPath, String canonical) {
        assertThat(CanonicalRequest.canonicalUri(rawPath)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "b=2&a=1                    | a=1&b=2",
        "a=b+c                      | a=b%2Bc",
        "a=%2f%2F                   | a=%2F%2F",
        "flag                       | flag=",
        "a=1&&b&                    | a=1&b=",
        "%41=%7E%2d                 | A=~-",
        "~=1&%C3%A9=2               | %C3%A9=2&~=1",
        "k=2&k=10&k=1               | k=1&k=10&k=2",
        "a=%zz&b=%                  | a=%25zz&b=%25",
        "ü=é                        | %C3%BC=%C3%A9",
        "a=x=y                      | a=x%3Dy",
        "B=1&a=2&_=3&-=4            | -=4&B=1&_=3&a=2"})
    void canonicalQueryDecodesThenEncodesStrictly(String rawQuery, String canonical) {
        assertThat(CanonicalRequest.canonicalQuery(QueryParameter.parse(rawQuery), false)).isEqualTo(canonical);
    }

    @Test
    void presignedCanonicalQueryLeavesOutTheSignature() {
        assertThat(CanonicalRequest.canonicalQuery(QueryParameter.parse("X-Amz-Signature=abc&b=1&a=2"), true))
                .isEqualTo("a=2&b=1");
    }

    @Test
    void headerValuesAreTrimmedAndJoined() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-a", List.of("  a   b \t c  ", "\td\t"));
        headers.put("x-b", List.of(""));
        StringBuilder out = new StringBuilder();
        CanonicalRequest.appendCanonicalHeaders(headers, List.of("x-a", "x-b"), out);
        assertThat(out).hasToString("x-a:a b c,d\nx-b:\n");
    }

    @Test
    void signingKeysAreCachedPerScopeAndTheCacheStaysBounded() {
        SigV4Verifier verifier = verifier(Duration.ofMinutes(5));
        SignedRequest request = sign(base(), "host;x-amz-date");
        for (int i = 0; i < 3; i++) {
            verifier.verify(request);
        }
        assertThat(verifier.cachedSigningKeys()).isEqualTo(1);

        SigningKeyCache cache = new SigningKeyCache(2);
        byte[] first = cache.signingKey(SECRET, "20150830", "us-east-1", "iam");
        cache.signingKey(SECRET, "20150830", "us-east-1", "ecs");
        cache.signingKey(SECRET, "20150830", "eu-west-1", "ecs");
        assertThat(cache.size()).isLessThanOrEqualTo(2);
        assertThat(cache.signingKey(SECRET, "20150830", "us-east-1", "iam")).isEqualTo(first)
                .isEqualTo(Crypto.signingKey(SECRET, "20150830", "us-east-1", "iam"));
    }

    @Test
    void verifiesConcurrently() throws Exception {
        SignedRequest request = sign(base(), "host;x-amz-date");
        List<Callable<VerifiedSignature>> calls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            calls.add(() -> VERIFIER.verify(request));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<VerifiedSignature> result : pool.invokeAll(calls)) {
                assertThat(result.get().accessKeyId()).isEqualTo(KEY);
            }
        }
    }

    @Test
    void negativeSkewIsRefused() {
        assertThatThrownBy(() -> verifier(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static SigV4Verifier verifier(Duration skew) {
        return new SigV4Verifier(id -> id.equals(KEY) ? Optional.of(new SigningSecret(SECRET, null)) : Optional.empty(),
                InstantSource.fixed(NOW), skew);
    }

    private static void assertFailure(SignedRequest request, Failure failure, String message) {
        assertThatThrownBy(() -> VERIFIER.verify(request)).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e).hasMessage(message);
        });
    }

    private static SignedRequest base() {
        return request("GET", "/", null, headers("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z"));
    }

    private static SignedRequest signable(String authorization) {
        return WireRequests.withHeader(base(), "authorization", List.of(authorization));
    }

    private static SignedRequest presigned(String expires) {
        return request("GET", "/", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + CREDENTIAL.replace("/", "%2F") + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=" + expires
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "0".repeat(64), headers("host", "h"));
    }

    private static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    /** Signs with this package's own string to sign; the published vectors prove that one right. */
    private static SignedRequest sign(SignedRequest unsigned, String signedHeaders) {
        SignedRequest placeholder = WireRequests.withHeader(unsigned, "authorization",
                List.of(authorization(signedHeaders, "0".repeat(64))));
        String stringToSign = SigV4Verifier.stringToSign(placeholder);
        String signature = Crypto.hex(Crypto.hmac(Crypto.signingKey(SECRET, "20150830", "us-east-1", "service"),
                stringToSign));
        return WireRequests.withHeader(unsigned, "authorization", List.of(authorization(signedHeaders, signature)));
    }

    private static SignedRequest request(String method, String path, String query, Map<String, List<String>> headers) {
        return request(method, path, query, headers, new byte[0]);
    }

    private static SignedRequest request(String method, String path, String query, Map<String, List<String>> headers,
                                         byte[] body) {
        return new SignedRequest(method, path, query, headers, body);
    }

    private static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return headers;
    }
}
