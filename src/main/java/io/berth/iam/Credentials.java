package io.berth.iam;

import io.berth.edge.CredentialRegistry;
import io.berth.edge.IssuedCredential;
import io.berth.edge.Principal;

import java.util.Optional;

/** The access keys Berth honours. Today the account root's; IAM users and STS sessions join later. */
public final class Credentials implements CredentialRegistry {

    private final IssuedCredential root;

    public Credentials(String accountId, RootCredentials rootKeys) {
        this.root = new IssuedCredential(rootKeys.accessKeyId(), rootKeys.secretAccessKey(), null,
                Principal.root(accountId, rootKeys.accessKeyId()));
    }

    @Override
    public Optional<IssuedCredential> find(String accessKeyId) {
        return root.accessKeyId().equals(accessKeyId) ? Optional.of(root) : Optional.empty();
    }
}
