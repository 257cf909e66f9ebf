package io.berth.iam;

import io.berth.edge.CredentialRegistry;
import io.berth.edge.IssuedCredential;
import io.berth.edge.Principal;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys Berth honours: the account root's, IAM users' active keys, and unexpired STS
 * session keys (which must come with their session token). Users' keys are cached until the
 * next IAM write; sessions are looked up each time, since they expire.
 */
public final class Credentials implements CredentialRegistry {

    private final IssuedCredential root;
    private final IamDirectory directory;
    private final Sessions sessions;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, UserKey> userKeys = new ConcurrentHashMap<>();

    /** Past this many entries the key cache starts over, so unknown key ids cannot grow it without bound. */
    private static final int USER_KEYS_LIMIT = 10_000;

    /** What a user key id stood for in one generation of IAM's data. */
    private record UserKey(long generation, Optional<IssuedCredential> credential) {
    }

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
        return userKey(accessKeyId);
    }

    /**
     * An IAM user's active key. The answer is kept until the next IAM write (the directory's
     * generation, taken before reading), so that a request, which looks its key up once to
     * check the signature and once for the principal, finds it with one map lookup each time.
     */
    private Optional<IssuedCredential> userKey(String accessKeyId) {
        long generation = directory.generation();
        UserKey known = userKeys.get(accessKeyId);
        if (known != null && known.generation() == generation) {
            return known.credential();
        }
        Optional<IssuedCredential> found = directory.findAccessKey(accessKeyId).filter(IamDirectory.AccessKeyOwner::active)
                .map(key -> new IssuedCredential(accessKeyId, key.secretAccessKey(), null, new Principal(
                        Principal.Kind.USER, key.accountId(), key.userArn(), key.userId(), accessKeyId)));
        if (userKeys.size() >= USER_KEYS_LIMIT) {
            userKeys.clear();
        }
        userKeys.put(accessKeyId, new UserKey(generation, found));
        return found;
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
