package io.berth.edge.sigv4;

import static io.berth.edge.sigv4.Failure.INCOMPLETE_SIGNATURE;
import static io.berth.edge.sigv4.Failure.MISSING_AUTHENTICATION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the signature parameters of a request; every malformation is an INCOMPLETE_SIGNATURE. */
final class AuthorizationParser {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final long MAX_EXPIRES_SECONDS = 604_800;

    private AuthorizationParser() {
    }

    static SignatureParameters parse(SignedRequest request) {
        List<QueryParameter> query = QueryParameter.parse(request.rawQuery());
        String authorization = header(request, "authorization");
        String queryAlgorithm = QueryParameter.first(query, "X-Amz-Algorithm");
        if (queryAlgorithm != null) {
            if (authorization != null && !authorization.isBlank()) {
                throw incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter "
                        + "or the Authorization header should be specified.");
            }
            return fromQuery(request, query, queryAlgorithm);
        }
        if (authorization == null || authorization.isBlank()) {
            if (QueryParameter.first(query, "X-Amz-Credential") != null
                    || QueryParameter.first(query, "X-Amz-Signature") != null) {
                throw incomplete("AWS query-string parameters must include 'X-Amz-Algorithm'. "
                        + "Re-examine the query-string parameters.");
            }
            throw new SigV4Exception(MISSING_AUTHENTICATION, "Missing Authentication Token");
        }
        return fromHeader(request, query, authorization);
    }

    /** The first value of a header (names are lower case), or null. */
    static String header(SignedRequest request, String name) {
        List<String> values = request.headers().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static SignatureParameters fromHeader(SignedRequest request, List<QueryParameter> query,
                                                  String authorization) {
        String auth = authorization.strip();
        int end = 0;
        while (end < auth.length() && !isSeparator(auth.charAt(end))) {
            end++;
        }
        String algorithm = auth.substring(0, end);
        requireSupported(algorithm);

        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int i = end;
        while (i < auth.length()) {
            if (isSeparator(auth.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < auth.length() && !isSeparator(auth.charAt(i))) {
                i++;
            }
            String pair = auth.substring(start, i);
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw incomplete("'" + pair + "' not a valid key=value pair (missing equal-sign) in "
                        + "Authorization header: '" + authorization + "'.");
            }
            String value = pair.substring(eq + 1);
            switch (pair.substring(0, eq)) {
                case "Credential" -> credential = credential == null ? value : credential;
                case "SignedHeaders" -> signedHeaders = signedHeaders == null ? value : signedHeaders;
                case "Signature" -> signature = signature == null ? value : signature;
                default -> { }
            }
        }

        String xAmzDate = header(request, "x-amz-date");
        String date = header(request, "date");
        StringBuilder missing = new StringBuilder();
        requireParameter(credential, "Authorization header requires 'Credential' parameter. ", missing);
        requireParameter(signature, "Authorization header requires 'Signature' parameter. ", missing);
        requireParameter(signedHeaders, "Authorization header requires 'SignedHeaders' parameter. ", missing);
        if (xAmzDate == null && date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing + "Authorization=" + authorization);
        }

        String amzDate;
        Instant signedAt;
        if (xAmzDate != null) {
            amzDate = xAmzDate.strip();
            signedAt = parseBasicDate(amzDate);
        } else {
            signedAt = AmzDate.parseRfc1123(date);
            if (signedAt == null) {
                throw incomplete("Date must be in RFC 1123 format. Got '" + date + "'.");
            }
            amzDate = AmzDate.formatBasic(signedAt);
        }
        return new SignatureParameters(false, credential, signedHeaders, splitSignedHeaders(signedHeaders),
                signature, amzDate, signedAt, -1, header(request, "x-amz-security-token"), query);
    }

    private static SignatureParameters fromQuery(SignedRequest request, List<QueryParameter> query,
                                                 String algorithm) {
        requireSupported(algorithm);
        String credential = QueryParameter.first(query, "X-Amz-Credential");
        String amzDate = QueryParameter.first(query, "X-Amz-Date");
        String signedHeaders = QueryParameter.first(query, "X-Amz-SignedHeaders");
        String signature = QueryParameter.first(query, "X-Amz-Signature");
        StringBuilder missing = new StringBuilder();
        requireParameter(credential, "AWS query-string parameters must include 'X-Amz-Credential'. ", missing);
        requireParameter(signature, "AWS query-string parameters must include 'X-Amz-Signature'. ", missing);
        requireParameter(signedHeaders, "AWS query-string parameters must include 'X-Amz-SignedHeaders'. ", missing);
        requireParameter(amzDate, "AWS query-string parameters must include 'X-Amz-Date'. ", missing);
        if (!missing.isEmpty()) {
            throw incomplete(missing + "Re-examine the query-string parameters.");
        }
        Instant signedAt = parseBasicDate(amzDate);
        String token = QueryParameter.first(query, "X-Amz-Security-Token");
        return new SignatureParameters(true, credential, signedHeaders, splitSignedHeaders(signedHeaders),
                signature, amzDate, signedAt, expiresSeconds(QueryParameter.first(query, "X-Amz-Expires")),
                token != null ? token : header(request, "x-amz-security-token"), query);
    }

    private static long expiresSeconds(String expires) {
        if (expires == null) {
            return -1;
        }
        boolean negative = expires.startsWith("-");
        String digits = negative ? expires.substring(1) : expires;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw incomplete("X-Amz-Expires should be a number");
        }
        if (negative) {
            throw incomplete("X-Amz-Expires must be non-negative");
        }
        long seconds = Long.parseLong(digits);
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw incomplete("X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return seconds;
    }

    private static Instant parseBasicDate(String amzDate) {
        Instant signedAt = AmzDate.parseBasic(amzDate);
        if (signedAt == null) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        return signedAt;
    }

    private static List<String> splitSignedHeaders(String value) {
        List<String> names = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = value.indexOf(';', start);
            names.add(value.substring(start, end < 0 ? value.length() : end).strip().toLowerCase(Locale.ROOT));
            if (end < 0) {
                return names;
            }
            start = end + 1;
        }
    }

    private static void requireSupported(String algorithm) {
        if (!ALGORITHM.equals(algorithm)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now).");
        }
    }

    private static void requireParameter(String value, String message, StringBuilder missing) {
        if (value == null || value.isEmpty()) {
            missing.append(message);
        }
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }

    private static SigV4Exception incomplete(String message) {
        return new SigV4Exception(INCOMPLETE_SIGNATURE, message);
    }
}
