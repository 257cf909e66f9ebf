package io.berth.edge.sigv4;

import java.util.Optional;

/** Finds the secret of an access key id; empty when the key is unknown (or no longer valid). */
@FunctionalInterface
public interface SecretLookup {
    Optional<SigningSecret> find(String accessKeyId);
}
