package io.berth.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The decoded form parameters of a Query-protocol request (from the body or the query string). */
public record QueryParameters(Map<String, String> values) {

    /**
     * Parses {@code name=value&...} with form decoding ('+' is a space).
     *
     * @throws AwsException {@code MalformedQueryString} when a '%' does not start a two-digit hex escape
     */
    public static QueryParameters parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(decode(name), decode(value));
            }
        }
        return new QueryParameters(Map.copyOf(values));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // AWS's common errors: "The query string contains a syntax error.", HTTP 404.
            throw new AwsException("MalformedQueryString", 404, "The query string contains a syntax error.");
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new AwsException("MissingParameter", 400,
                    "The request must contain the parameter " + name);
        }
        return value;
    }
}
