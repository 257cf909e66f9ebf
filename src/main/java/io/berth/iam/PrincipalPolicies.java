package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.iam.policy.AttachedPolicy;
import io.berth.iam.policy.PolicyDocument;
import io.berth.iam.policy.RequestPrincipal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The policies of each IAM user and role session as authorization evaluates them: the principal
 * as condition keys see it, its identity policies, permissions boundary and session policy,
 * parsed and labelled, and per action only the statements whose Action can match it.
 *
 * <p>Built from {@link IamDirectory}'s answers and kept until the directory's generation moves on
 * (after any committed IAM write), the rule the directory's own caches follow: the generation is
 * taken before reading, so an entry built from answers older than a write can never outlive it.
 * A role session's entry also holds the session it was built for and is rebuilt when
 * {@link Sessions} answers with another. Concurrent maps, no lock: an entry is immutable apart
 * from its per-action map, itself concurrent; both maps start over when they grow large.
 */
final class PrincipalPolicies {

    private static final int LIMIT = 10_000;
    private static final int ACTIONS_LIMIT = 1_000;

    /** The policies that can apply to one action (see {@link PolicyDocument#forAction}). */
    record ForAction(List<AttachedPolicy> identity, AttachedPolicy boundary, List<AttachedPolicy> sessionPolicies,
                     boolean readsResourceTags) {

        ForAction(List<AttachedPolicy> identity, AttachedPolicy boundary, List<AttachedPolicy> sessionPolicies) {
            this(identity, boundary, sessionPolicies, Stream.of(identity.stream(), Stream.ofNullable(boundary),
                    sessionPolicies.stream()).flatMap(s -> s).anyMatch(ForAction::readsResourceTags));
        }

        /** Whether a condition asks for the resource's tags (aws:ResourceTag/…, or the service's own key). */
        private static boolean readsResourceTags(AttachedPolicy policy) {
            return policy.document().statements().stream().flatMap(s -> s.conditions().stream())
                    .anyMatch(c -> c.key().toLowerCase(Locale.ROOT).contains(":resourcetag/"));
        }
    }

    /**
     * A principal's policies: identity policies in the directory's order, the permissions
     * boundary (null when none), the session policies (empty when none).
     */
    static final class Compiled {
        private final long generation;
        private final StsSession session;
        private final RequestPrincipal principal;
        private final List<AttachedPolicy> identity;
        private final AttachedPolicy boundary;
        private final List<AttachedPolicy> sessionPolicies;
        private final ConcurrentHashMap<String, ForAction> byAction = new ConcurrentHashMap<>();

        Compiled(long generation, StsSession session, RequestPrincipal principal, List<AttachedPolicy> identity,
                 AttachedPolicy boundary, List<AttachedPolicy> sessionPolicies) {
            this.generation = generation;
            this.session = session;
            this.principal = principal;
            this.identity = List.copyOf(identity);
            this.boundary = boundary;
            this.sessionPolicies = List.copyOf(sessionPolicies);
        }

        RequestPrincipal principal() {
            return principal;
        }

        List<AttachedPolicy> identity() {
            return identity;
        }

        AttachedPolicy boundary() {
            return boundary;
        }

        List<AttachedPolicy> sessionPolicies() {
            return sessionPolicies;
        }

        /**
         * The policies reduced to the statements that can apply to {@code action}. Identity
         * policies left without any are dropped (an identity policy only contributes its
         * statements); the boundary and the session policies stay even when empty, since their
         * mere presence requires an allow from them.
         */
        ForAction forAction(String action) {
            ForAction cached = byAction.get(action);
            if (cached != null) {
                return cached;
            }
            List<AttachedPolicy> applicable = new ArrayList<>(identity.size());
            for (AttachedPolicy policy : identity) {
                AttachedPolicy reduced = reduce(policy, action);
                if (!reduced.document().statements().isEmpty()) {
                    applicable.add(reduced);
                }
            }
            List<AttachedPolicy> session = new ArrayList<>(sessionPolicies.size());
            for (AttachedPolicy policy : sessionPolicies) {
                session.add(reduce(policy, action));
            }
            ForAction fresh = new ForAction(List.copyOf(applicable), boundary == null ? null : reduce(boundary, action),
                    List.copyOf(session));
            if (byAction.size() >= ACTIONS_LIMIT) {
                byAction.clear();
            }
            byAction.put(action, fresh);
            return fresh;
        }

        private static AttachedPolicy reduce(AttachedPolicy policy, String action) {
            PolicyDocument document = policy.document().forAction(action);
            return document == policy.document() ? policy
                    : new AttachedPolicy(policy.sourceId(), policy.sourceType(), document);
        }
    }

    /** A user by account and ARN, a role session by its access key id. */
    private record Key(Principal.Kind kind, String a, String b) {
    }

    private final IamDirectory directory;
    private final Sessions sessions;
    private final ParsedPolicies parsed = new ParsedPolicies();
    private final ConcurrentHashMap<Key, Compiled> cache = new ConcurrentHashMap<>();

    PrincipalPolicies(IamDirectory directory, Sessions sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    /**
     * The policies of an IAM user or an assumed-role session; null when the user, the session
     * or its role no longer exists, and for other principals.
     */
    Compiled of(Principal principal) {
        return switch (principal.kind()) {
            case USER -> user(principal);
            case ASSUMED_ROLE -> session(principal);
            case ROOT -> null;
        };
    }

    private Compiled user(Principal principal) {
        long generation = directory.generation();
        Key key = new Key(Principal.Kind.USER, principal.accountId(), principal.arn());
        Compiled entry = cache.get(key);
        if (entry != null && entry.generation == generation) {
            return entry;
        }
        String userName = principal.arn().substring(principal.arn().lastIndexOf('/') + 1);
        Compiled fresh = directory.user(principal.accountId(), userName).map(user -> new Compiled(generation, null,
                RequestPrincipal.user(user.arn(), user.accountId(), user.userId(), user.userName(), user.tags()),
                identityPolicies(directory.userPolicies(user.accountId(), user.userName())),
                boundary(user.permissionsBoundaryArn(), user.permissionsBoundaryDocument()), List.of())).orElse(null);
        return remember(key, fresh);
    }

    private Compiled session(Principal principal) {
        StsSession session = sessions.get(principal.accessKeyId()).filter(StsSession::assumedRole).orElse(null);
        if (session == null) {
            return null;
        }
        long generation = directory.generation();
        Key key = new Key(Principal.Kind.ASSUMED_ROLE, principal.accessKeyId(), null);
        Compiled entry = cache.get(key);
        if (entry != null && entry.generation == generation && entry.session == session) {
            return entry;
        }
        Compiled fresh = directory.role(session.accountId(), session.roleName()).map(role -> new Compiled(generation,
                session, RequestPrincipal.assumedRole(session.arn(), role.arn(), role.accountId(), role.roleId(),
                        session.sessionName(), session.tags()),
                identityPolicies(directory.rolePolicies(role.accountId(), role.roleName())),
                boundary(role.permissionsBoundaryArn(), role.permissionsBoundaryDocument()),
                session.sessionPolicy() == null ? List.of()
                        : List.of(new AttachedPolicy("session", "session", parsed.of(session.sessionPolicy())))))
                .orElse(null);
        return remember(key, fresh);
    }

    private Compiled remember(Key key, Compiled fresh) {
        if (fresh == null) {
            cache.remove(key);
            return null;
        }
        if (cache.size() >= LIMIT) {
            cache.clear();
        }
        cache.put(key, fresh);
        return fresh;
    }

    private List<AttachedPolicy> identityPolicies(List<IamDirectory.IdentityPolicy> policies) {
        List<AttachedPolicy> attached = new ArrayList<>(policies.size());
        for (IamDirectory.IdentityPolicy policy : policies) {
            attached.add(new AttachedPolicy(policy.id(), "IAM Policy", parsed.of(policy.document())));
        }
        return attached;
    }

    private AttachedPolicy boundary(String arn, String document) {
        return document == null ? null
                : new AttachedPolicy(arn, "PermissionsBoundary", parsed.of(document));
    }

    /** How many principals are cached (for tests). */
    int size() {
        return cache.size();
    }
}
