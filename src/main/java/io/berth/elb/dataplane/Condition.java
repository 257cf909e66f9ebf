package io.berth.elb.dataplane;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule condition as ELB defines it. Values of one condition are alternatives; {@code *} and
 * {@code ?} are wildcards where ELB allows them (path, host, header value, query string).
 */
public sealed interface Condition {

    /** Case-sensitive, on the path without the query string. */
    record PathPattern(List<String> values) implements Condition {
        public PathPattern {
            values = nonEmpty(values);
        }
    }

    /** Case-insensitive, on the Host header without its port. */
    record HostHeader(List<String> values) implements Condition {
        public HostHeader {
            values = nonEmpty(values);
        }
    }

    /** The header's name is case-insensitive, as are its value patterns. */
    record HttpHeader(String name, List<String> values) implements Condition {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

        public HttpHeader {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("header name " + name + " is not [A-Za-z0-9_-]{1,40}");
            }
            values = nonEmpty(values);
        }
    }

    /** Exact, case-sensitive method names. */
    record HttpRequestMethod(List<String> values) implements Condition {
        private static final Pattern METHOD = Pattern.compile("[A-Z_-]{1,40}");

        public HttpRequestMethod {
            values = nonEmpty(values);
            for (String method : values) {
                if (!METHOD.matcher(method).matches()) {
                    throw new IllegalArgumentException("method " + method + " is not [A-Z_-]{1,40}");
                }
            }
        }
    }

    /** Case-insensitive key/value pairs of the query string; a pair without a key matches any key. */
    record QueryString(List<KeyValue> values) implements Condition {
        public QueryString {
            values = nonEmpty(values);
        }
    }

    /** The client's address (the connection's source) in one of the CIDRs. */
    record SourceIp(List<String> values) implements Condition {
        private static final Pattern CIDR = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}");

        public SourceIp {
            values = nonEmpty(values);
            for (String cidr : values) {
                if (!CIDR.matcher(cidr).matches()) {
                    throw new IllegalArgumentException("source-ip " + cidr + " is not an IPv4 CIDR");
                }
            }
        }
    }

    /** @param key null to match the value under any key */
    record KeyValue(String key, String value) {
        public KeyValue {
            Objects.requireNonNull(value);
        }
    }

    private static <T> List<T> nonEmpty(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one value");
        }
        return List.copyOf(values);
    }
}
