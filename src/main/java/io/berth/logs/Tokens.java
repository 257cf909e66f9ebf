package io.berth.logs;

import io.berth.kit.PageTokens;

/**
 * Every token CloudWatch Logs hands out. Event positions are written as 56 decimal digits, the
 * shape of AWS's own event ids and GetLogEvents tokens: zeros, then the 13-digit timestamp and
 * the 10-digit sequence of an {@link EventKey}. Listing tokens are the last id returned, opaque.
 */
final class Tokens {

    private static final int DIGITS = 56;
    private static final String PADDING = "0".repeat(DIGITS - 23);
    private static final String FORWARD = "f/";
    private static final String BACKWARD = "b/";
    /** Listing tokens, and the error for one Berth did not make. */
    static final PageTokens PAGES = new PageTokens(token -> LogsErrors.invalidToken());

    private Tokens() {
    }

    /** A GetLogEvents token: the gap just before {@code gap} and the direction to read from it. */
    record Position(boolean forward, EventKey gap) {
    }

    static String forward(EventKey gap) {
        return FORWARD + digits(gap);
    }

    static String backward(EventKey gap) {
        return BACKWARD + digits(gap);
    }

    static Position position(String token) {
        boolean forward = token.startsWith(FORWARD);
        if (!forward && !token.startsWith(BACKWARD)) {
            throw LogsErrors.invalidToken();
        }
        return new Position(forward, key(token.substring(2)));
    }

    /** The eventId FilterLogEvents gives an event, unique within its log group. */
    static String eventId(EventKey key) {
        return digits(key);
    }

    /** A FilterLogEvents nextToken: the key of the last event searched. */
    static String filter(EventKey lastSearched) {
        return digits(lastSearched);
    }

    static EventKey filterResume(String token) {
        return key(token);
    }

    /** The sequence token of a stream after {@code uploads} uploads; AWS now ignores what callers send back. */
    static String sequence(long uploads) {
        return String.format("%0" + DIGITS + "d", uploads);
    }

    static String page(String lastId) {
        return PAGES.encode(lastId);
    }

    /** The id after which a listing resumes, or null for the first page. */
    static String pageResume(String token) {
        return PAGES.decode(token);
    }

    private static String digits(EventKey key) {
        return PADDING + key.id().replace("-", "");
    }

    private static EventKey key(String digits) {
        if (digits.length() != DIGITS || !digits.startsWith(PADDING)
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw LogsErrors.invalidToken();
        }
        String id = digits.substring(PADDING.length());
        return new EventKey(Long.parseLong(id, 0, 13, 10), Long.parseLong(id, 13, 23, 10));
    }
}
