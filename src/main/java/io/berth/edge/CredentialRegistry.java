package io.berth.edge;

import java.time.Instant;
import java.util.Optional;

/** Finds the credential behind an access key id; the IAM service owns the implementation. */
public interface CredentialRegistry {

    Optional<IssuedCredential> find(String accessKeyId);

    /** A request signed with this key was verified (IAM reports keys' last use). */
    void used(String accessKeyId, String service, String region, Instant when);
}
