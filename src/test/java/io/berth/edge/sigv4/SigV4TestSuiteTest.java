package io.berth.edge.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The published AWS SigV4 test suite (src/test/resources/sigv4/aws4_testsuite, see SOURCE.md there).
 * Every case is run; none is skipped. Two cases are not valid HTTP/1.1 on the wire and are fed
 * the way a lenient server would hand them over:
 * <ul>
 *   <li>normalize-path/get-space has a raw space in the request target. No HTTP/1.1 server accepts
 *   that request line, but the raw path "/example space/" still pins down that an unencoded
 *   character is encoded once.</li>
 *   <li>get-header-value-multiline uses obsolete line folding; RFC 7230 section 3.2.4 lets a server
 *   replace each obs-fold with a space, which is what {@link #parseHttp} does.</li>
 * </ul>
 */
class SigV4TestSuiteTest {
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final int CASE_COUNT = 34;
    /** Its .sreq carries get-vanilla's signature instead of the one in its .authz (see SOURCE.md). */
    private static final Set<String> STALE_SREQ = Set.of("get-vanilla-with-session-token");

    record SuiteCase(String name, Path directory) {
        String file(String extension) {
            Path path = directory.resolve(directory.getFileName() + extension);
            try {
                return Files.readString(path, StandardCharsets.UTF_8).replace("\r", "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TestFactory
    Stream<DynamicTest> everySuiteCaseCanonicalisesSignsAndVerifies() {
        return suiteCases().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    @Test
    void noSuiteCaseIsLost() {
        assertThat(suiteCases()).hasSize(CASE_COUNT);
    }

    private static void check(SuiteCase suiteCase) {
        String authorization = suiteCase.file(".authz").strip();
        SignedRequest signed = parseHttp(suiteCase.file(".sreq"));
        String sreqAuthorization = signed.headers().get("authorization").getFirst();
        if (!STALE_SREQ.contains(suiteCase.name())) {
            assertThat(sreqAuthorization).as(".sreq Authorization").isEqualTo(authorization);
        }
        signed.headers().put("authorization", List.of(authorization));

        assertThat(SigV4Verifier.canonicalRequest(signed)).isEqualTo(suiteCase.file(".creq"));
        assertThat(SigV4Verifier.stringToSign(signed)).isEqualTo(suiteCase.file(".sts"));

        String token = Optional.ofNullable(signed.headers().get("x-amz-security-token"))
                .map(List::getFirst).orElse(null);
        VerifiedSignature verified = verifier(new SigningSecret(SECRET_KEY, token)).verify(signed);
        assertThat(verified).isEqualTo(new VerifiedSignature(ACCESS_KEY, "us-east-1", "service", SIGNED_AT, token));

        assertThatThrownBy(() -> verifier(new SigningSecret("wrong" + SECRET_KEY, token)).verify(signed))
                .isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.SIGNATURE_MISMATCH));
    }

    private static SigV4Verifier verifier(SigningSecret secret) {
        return new SigV4Verifier(id -> id.equals(ACCESS_KEY) ? Optional.of(secret) : Optional.empty(),
                InstantSource.fixed(SIGNED_AT), Duration.ofMinutes(5));
    }

    static List<SuiteCase> suiteCases() {
        try {
            Path root = Path.of(SigV4TestSuiteTest.class.getResource("/sigv4/aws4_testsuite").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".req"))
                        .map(Path::getParent)
                        .map(dir -> new SuiteCase(root.relativize(dir).toString().replace('\\', '/'), dir))
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an HTTP/1.1 request the way a lenient server would: the target is everything between
     * the first and the last space of the request line, header names are lower-cased, values lose
     * their surrounding whitespace, and an obs-fold continuation joins the previous value with a space.
     */
    static SignedRequest parseHttp(String text) {
        int headerEnd = text.indexOf("\n\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        byte[] body = headerEnd < 0 ? new byte[0] : text.substring(headerEnd + 2).getBytes(StandardCharsets.UTF_8);
        String[] lines = head.split("\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));

        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                String[] previous = fields.getLast();
                previous[1] = previous[1] + " " + line.strip();
            } else {
                int colon = line.indexOf(':');
                fields.add(new String[] {line.substring(0, colon).toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip()});
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String[] field : fields) {
            headers.computeIfAbsent(field[0], k -> new ArrayList<>()).add(field[1]);
        }
        int question = target.indexOf('?');
        return new SignedRequest(method, question < 0 ? target : target.substring(0, question),
                question < 0 ? null : target.substring(question + 1), headers, body);
    }
}
