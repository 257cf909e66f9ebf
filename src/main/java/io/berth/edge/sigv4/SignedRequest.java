package io.berth.edge.sigv4;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it arrived on the wire, before any decoding: the raw (still
 * percent-encoded) path and query, the headers with lower-case names in arrival order
 * (repeated headers keep every value), and the body bytes.
 */
public record SignedRequest(String method, String rawPath, String rawQuery,
                            Map<String, List<String>> headers, byte[] body) {
}
