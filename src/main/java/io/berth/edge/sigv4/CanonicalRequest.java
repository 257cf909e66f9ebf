package io.berth.edge.sigv4;

import static io.berth.edge.sigv4.Failure.SIGNATURE_MISMATCH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The SigV4 canonical request of a non-S3 service, built from the request as it arrived. */
final class CanonicalRequest {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private CanonicalRequest() {
    }

    static String build(SignedRequest request, SignatureParameters parameters) {
        StringBuilder out = new StringBuilder(512);
        out.append(request.method()).append('\n');
        out.append(canonicalUri(request.rawPath())).append('\n');
        out.append(canonicalQuery(parameters.query(), parameters.presigned())).append('\n');
        appendCanonicalHeaders(request.headers(), parameters.signedHeaders(), out);
        out.append('\n');
        out.append(parameters.signedHeadersValue()).append('\n');
        out.append(payloadHash(request, parameters));
        return out.toString();
    }

    /**
     * Dot segments and empty segments removed as botocore and the SigV4 test suite do, then every
     * byte but unreserved characters and '/' percent-encoded. The path is still encoded as it came
     * off the wire, so its escapes are encoded a second time, as the SDKs do for non-S3 services.
     */
    static String canonicalUri(String rawPath) {
        String path = removeDotSegments(rawPath == null ? "" : rawPath);
        StringBuilder out = new StringBuilder(path.length() + 16);
        PercentCodec.encode(path, 0, path.length(), true, out);
        return out.toString();
    }

    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        if (path.charAt(0) == '/' && !path.contains("//") && !path.contains("/.")) {
            return path;
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.removeLast();
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        String prefix = path.charAt(0) == '/' ? "/" : "";
        String suffix = path.charAt(path.length() - 1) == '/' && !segments.isEmpty() ? "/" : "";
        return prefix + String.join("/", segments) + suffix;
    }

    /** Names and values decoded and strictly re-encoded, sorted by encoded name, then encoded value. */
    static String canonicalQuery(List<QueryParameter> parameters, boolean presigned) {
        if (parameters.isEmpty()) {
            return "";
        }
        String[][] pairs = new String[parameters.size()][];
        int count = 0;
        StringBuilder encoder = new StringBuilder();
        for (QueryParameter parameter : parameters) {
            if (presigned && parameter.hasName("X-Amz-Signature")) {
                continue;
            }
            pairs[count++] = new String[] {reencode(parameter.rawName(), encoder), reencode(parameter.rawValue(), encoder)};
        }
        Arrays.sort(pairs, 0, count, BY_NAME_THEN_VALUE);
        StringBuilder out = new StringBuilder(64 * count);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append('&');
            }
            out.append(pairs[i][0]).append('=').append(pairs[i][1]);
        }
        return out.toString();
    }

    /** One "name:value" line per signed header; repeated headers joined with ',', each value trimmed. */
    static void appendCanonicalHeaders(Map<String, List<String>> headers, List<String> signedHeaders,
                                       StringBuilder out) {
        for (String name : signedHeaders) {
            List<String> values = headers.get(name);
            if (values == null || values.isEmpty()) {
                throw new SigV4Exception(SIGNATURE_MISMATCH, SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE);
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(values.get(i), out);
            }
            out.append('\n');
        }
    }

    /**
     * The hex SHA-256 of the body. A declared x-amz-content-sha256 must be that hash; only a
     * presigned request may declare UNSIGNED-PAYLOAD (header or query parameter).
     */
    static String payloadHash(SignedRequest request, SignatureParameters parameters) {
        String declared = AuthorizationParser.header(request, "x-amz-content-sha256");
        if (parameters.presigned()) {
            String inQuery = QueryParameter.first(parameters.query(), "X-Amz-Content-Sha256");
            if (UNSIGNED_PAYLOAD.equals(declared) || (declared == null && UNSIGNED_PAYLOAD.equals(inQuery))) {
                return UNSIGNED_PAYLOAD;
            }
        }
        byte[] body = request.body();
        String actual = Crypto.sha256Hex(body == null ? new byte[0] : body);
        if (declared == null) {
            return actual;
        }
        if (!declared.strip().equalsIgnoreCase(actual)) {
            throw new SigV4Exception(SIGNATURE_MISMATCH,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return declared.strip();
    }

    private static String reencode(String raw, StringBuilder encoder) {
        encoder.setLength(0);
        PercentCodec.reencode(raw, 0, raw.length(), encoder);
        return encoder.toString();
    }

    private static void appendTrimmed(String value, StringBuilder out) {
        if (!hasWhitespace(value)) { // nearly every value an SDK sends: nothing to trim or fold
            out.append(value);
            return;
        }
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                started = true;
            }
        }
    }

    private static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isWhitespace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }
}
