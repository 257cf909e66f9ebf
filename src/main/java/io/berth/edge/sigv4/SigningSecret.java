package io.berth.edge.sigv4;

/**
 * The secret half of an access key. {@code sessionToken} is null for long-term keys; temporary
 * credentials carry the token the caller must present with every request.
 */
public record SigningSecret(String secretAccessKey, String sessionToken) {
}
