package io.berth.edge.sigv4;

import java.time.Instant;
import java.util.List;

/**
 * The signature parameters of a request, from its Authorization header or, when presigned, its
 * X-Amz-* query parameters. All values are decoded; {@code expiresSeconds} is -1 when absent.
 */
record SignatureParameters(boolean presigned, String credential, String signedHeadersValue,
                           List<String> signedHeaders, String signature, String amzDate, Instant signedAt,
                           long expiresSeconds, String securityToken, List<QueryParameter> query) {
}
