package io.berth.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The term form of CloudWatch Logs filter patterns, matched case-sensitively against the whole
 * message: {@code ERROR timeout} needs every term, {@code "connection reset"} a quoted phrase,
 * {@code -DEBUG} excludes a term and {@code ?ERROR ?WARN} needs any one of the ?-terms. A bare
 * term is letters, digits and underscores; anything else must be quoted, as AWS insists. JSON
 * ({@code { ... }}), space-delimited ({@code [ ... ]}) and regular-expression ({@code %...%})
 * patterns are refused rather than matched wrongly.
 */
record FilterPattern(List<String> required, List<String> excluded, List<String> anyOf) {

    static final FilterPattern ALL = new FilterPattern(List.of(), List.of(), List.of());

    static FilterPattern parse(String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        if (text.isEmpty()) {
            return ALL;
        }
        if (text.startsWith("{") || text.startsWith("[") || text.startsWith("%")) {
            throw LogsErrors.invalidParameter("Berth supports term filter patterns only (terms, \"quoted phrases\", "
                    + "-exclusions and ?alternatives); JSON, space-delimited and regular-expression patterns are "
                    + "not implemented.");
        }
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> anyOf = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            List<String> into = required;
            char sign = text.charAt(i);
            if (sign == '-' || sign == '?') {
                into = sign == '-' ? excluded : anyOf;
                i++;
            }
            int end = i < text.length() && text.charAt(i) == '"' ? closingQuote(text, i) + 1 : wordEnd(text, i);
            into.add(term(text.substring(i, end)));
            i = end;
        }
        return new FilterPattern(List.copyOf(required), List.copyOf(excluded), List.copyOf(anyOf));
    }

    boolean matches(String message) {
        return required.stream().allMatch(message::contains)
                && excluded.stream().noneMatch(message::contains)
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains));
    }

    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        throw LogsErrors.invalidParameter("Invalid filter pattern");
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The text a term matches: a quoted phrase unescaped, or a bare word of letters, digits and underscores. */
    private static String term(String token) {
        if (token.startsWith("\"")) {
            String phrase = token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
            if (!phrase.isEmpty()) {
                return phrase;
            }
        } else if (!token.isEmpty() && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            return token;
        }
        throw LogsErrors.invalidParameter("Invalid filter pattern: Invalid character(s) in term '" + token + "'");
    }
}
