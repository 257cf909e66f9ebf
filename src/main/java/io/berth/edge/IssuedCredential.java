package io.berth.edge;

/** An access key Berth has issued: its secret, the session token temporary keys require, and whose it is. */
public record IssuedCredential(String accessKeyId, String secretAccessKey, String sessionToken, Principal principal) {
}
