package io.berth.edge;

import java.util.Optional;

/** Finds the credential behind an access key id; the IAM service owns the implementation. */
@FunctionalInterface
public interface CredentialRegistry {
    Optional<IssuedCredential> find(String accessKeyId);
}
