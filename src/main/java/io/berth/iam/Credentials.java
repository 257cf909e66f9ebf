package io.berth.iam;

import io.berth.edge.CredentialRegistry;
import io.berth.edge.IssuedCredential;
import io.berth.edge.Principal;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The access keys Berth honours: the account root's, IAM users' active keys, and unexpired STS
 * session keys (which must come with their session token).
 */
public final class Credentials implements CredentialRegistry {

    private final IssuedCredential root;
    private final IamDirectory directory;
    private final Sessions sessions;
    private final InstantSource clock;

    public Credentials(String accountId, RootCredentials rootKeys, IamDirectory directory, Sessions sessions,
                       InstantSource clock) {
        this.root = new IssuedCredential(rootKeys.accessKeyId(), rootKeys.secretAccessKey(), null,
                Principal.root(accountId, rootKeys.accessKeyId()));
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<IssuedCredential> find(String accessKeyId) {
        if (root.accessKeyId().equals(accessKeyId)) {
            return Optional.of(root);
        }
        if (accessKeyId.startsWith("ASIA")) {
            return sessions.find(accessKeyId, clock.instant()).map(this::sessionCredential);
        }
        return directory.findAccessKey(accessKeyId).filter(IamDirectory.AccessKeyOwner::active)
                .map(key -> new IssuedCredential(accessKeyId, key.secretAccessKey(), null, new Principal(
                        Principal.Kind.USER, key.accountId(), key.userArn(), key.userId(), accessKeyId)));
    }

    @Override
    public void used(String accessKeyId, String service, String region, Instant when) {
        if (accessKeyId.startsWith("AKIA") && !root.accessKeyId().equals(accessKeyId)) {
            directory.recordAccessKeyUse(accessKeyId, when, service, region);
        }
    }

    private IssuedCredential sessionCredential(StsSession session) {
        Principal principal;
        if (session.assumedRole()) {
            principal = new Principal(Principal.Kind.ASSUMED_ROLE, session.accountId(), session.arn(),
                    session.roleId() + ":" + session.sessionName(), session.accessKeyId());
        } else if (session.userName() != null) {
            principal = directory.user(session.accountId(), session.userName())
                    .map(user -> new Principal(Principal.Kind.USER, user.accountId(), user.arn(), user.userId(),
                            session.accessKeyId()))
                    .orElse(null);
        } else {
            principal = Principal.root(session.accountId(), session.accessKeyId());
        }
        return principal == null ? null
                : new IssuedCredential(session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), principal);
    }
}
