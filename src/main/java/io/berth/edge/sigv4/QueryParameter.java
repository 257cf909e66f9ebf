package io.berth.edge.sigv4;

import java.util.ArrayList;
import java.util.List;

/** One name=value pair of a raw query, both still percent-encoded; the value is "" when there is no '='. */
record QueryParameter(String rawName, String rawValue) {

    static List<QueryParameter> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<QueryParameter> parameters = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                parameters.add(eq >= 0 && eq < end
                        ? new QueryParameter(rawQuery.substring(start, eq), rawQuery.substring(eq + 1, end))
                        : new QueryParameter(rawQuery.substring(start, end), ""));
            }
            start = end + 1;
        }
        return parameters;
    }

    /** The decoded value of the first parameter with exactly this (decoded) name, or null. */
    static String first(List<QueryParameter> parameters, String name) {
        for (QueryParameter parameter : parameters) {
            if (parameter.hasName(name)) {
                return PercentCodec.decode(parameter.rawValue);
            }
        }
        return null;
    }

    boolean hasName(String name) {
        return rawName.equals(name) || (rawName.indexOf('%') >= 0 && PercentCodec.decode(rawName).equals(name));
    }
}
