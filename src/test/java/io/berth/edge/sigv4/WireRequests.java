package io.berth.edge.sigv4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Building and altering {@link SignedRequest}s in tests; every change returns a deep copy. */
final class WireRequests {
    private WireRequests() {
    }

    /** Splits an absolute URL as an HTTP client puts it on the wire: the path ("/" if empty) and the query. */
    static SignedRequest fromUrl(String method, String url, Map<String, List<String>> headers, byte[] body) {
        int authority = url.indexOf("://") + 3;
        int query = url.indexOf('?', authority);
        int pathEnd = query < 0 ? url.length() : query;
        int path = url.indexOf('/', authority);
        String rawPath = path < 0 || path > pathEnd ? "/" : url.substring(path, pathEnd);
        return new SignedRequest(method, rawPath, query < 0 ? null : url.substring(query + 1), copy(headers), body);
    }

    static SignedRequest withMethod(SignedRequest r, String method) {
        return new SignedRequest(method, r.rawPath(), r.rawQuery(), copy(r.headers()), r.body());
    }

    static SignedRequest withPath(SignedRequest r, String rawPath) {
        return new SignedRequest(r.method(), rawPath, r.rawQuery(), copy(r.headers()), r.body());
    }

    static SignedRequest withQuery(SignedRequest r, String rawQuery) {
        return new SignedRequest(r.method(), r.rawPath(), rawQuery, copy(r.headers()), r.body());
    }

    static SignedRequest withBody(SignedRequest r, byte[] body) {
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), copy(r.headers()), body);
    }

    static SignedRequest withHeader(SignedRequest r, String name, List<String> values) {
        Map<String, List<String>> headers = copy(r.headers());
        headers.put(name, new ArrayList<>(values));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignedRequest withoutHeader(SignedRequest r, String name) {
        Map<String, List<String>> headers = copy(r.headers());
        headers.remove(name);
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    /** Replaces the decoded-name query parameter's raw value; the parameter must exist. */
    static SignedRequest withQueryValue(SignedRequest r, String name, UnaryOperator<String> rawValue) {
        List<String> parts = new ArrayList<>();
        boolean found = false;
        for (String part : r.rawQuery().split("&", -1)) {
            int eq = part.indexOf('=');
            if (!found && eq >= 0 && part.substring(0, eq).equals(name)) {
                part = name + "=" + rawValue.apply(part.substring(eq + 1));
                found = true;
            }
            parts.add(part);
        }
        if (!found) {
            throw new IllegalArgumentException("no query parameter " + name + " in " + r.rawQuery());
        }
        return withQuery(r, String.join("&", parts));
    }

    static SignedRequest withoutQueryParameter(SignedRequest r, String name) {
        List<String> parts = new ArrayList<>();
        for (String part : r.rawQuery().split("&", -1)) {
            if (!part.startsWith(name + "=")) {
                parts.add(part);
            }
        }
        return withQuery(r, String.join("&", parts));
    }

    /** A different character of the same kind: the next digit, or the next letter of the same case. */
    static char bump(char c) {
        if (c >= '0' && c <= '8' || c >= 'a' && c <= 'y' || c >= 'A' && c <= 'Y') return (char) (c + 1);
        if (c == '9') return '0';
        if (c == 'z') return 'a';
        if (c == 'Z') return 'A';
        throw new IllegalArgumentException("not alphanumeric: " + c);
    }

    /** A different lower-case hex digit. */
    static char bumpHex(char c) {
        if (c >= '0' && c <= '8' || c >= 'a' && c <= 'e') return (char) (c + 1);
        if (c == '9') return 'a';
        if (c == 'f') return '0';
        throw new IllegalArgumentException("not a lower-case hex digit: " + c);
    }

    static String bumpAt(String s, int index) {
        return s.substring(0, index) + bump(s.charAt(index)) + s.substring(index + 1);
    }

    static boolean isAlphanumeric(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
