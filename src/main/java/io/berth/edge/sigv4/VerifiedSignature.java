package io.berth.edge.sigv4;

import java.time.Instant;

/**
 * What a valid signature proves: who signed, for which region and service (from the credential
 * scope) and when. {@code sessionToken} is the token of temporary credentials, null for long-term keys.
 */
public record VerifiedSignature(String accessKeyId, String region, String service, Instant signedAt,
                                String sessionToken) {
}
