package io.berth.iam;

import io.berth.iam.model.IamShapes.Tag;
import io.berth.kit.Arn;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * IAM as sign-in and authorization read it on every request: who owns an access key, and which
 * policies apply to a user or a role. Answers are cached until the next IAM write; each cache
 * entry carries the generation it was read in, and every IAM write moves the generation on in
 * its own transaction (a counter in the store, {@link #bump}), so an entry read before a commit
 * can never be served after it, whichever process sharing the store wrote. The caches are
 * concurrent maps; the stored generation counter is their only coordination.
 */
public final class IamDirectory {

    /** Past this many entries the cache starts over, so unknown key ids cannot grow it without bound. */
    private static final int CACHE_LIMIT = 10_000;
    /** Last use is written at most this often per key unless its service or region changes. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    /** An IAM user's long-term access key. {@code status} is Active or Inactive. */
    public record AccessKeyOwner(String accountId, String userName, String userId, String userArn,
                                 String accessKeyId, String secretAccessKey, String status) {
        public boolean active() {
            return AccessKeys.ACTIVE.equals(status);
        }
    }

    /**
     * One identity policy document, raw JSON as it was written. {@code id} names it: the policy
     * ARN for a managed policy (its default version applies), or OWNER_ARN#POLICY_NAME for an
     * inline policy of a user, role or group.
     */
    public record IdentityPolicy(String id, String document) {
    }

    /** A user; the boundary fields are null when it has none. Tags keep their keys' spelling. */
    public record UserInfo(String accountId, String userName, String userId, String arn, String path,
                           String permissionsBoundaryArn, String permissionsBoundaryDocument, Map<String, String> tags) {
    }

    /**
     * A role with its trust policy (raw JSON as stored: the users and roles it names by unique id,
     * see {@link PolicyPrincipals}) and session limit; boundary fields null when it has none.
     */
    public record RoleInfo(String accountId, String roleName, String roleId, String arn, String path,
                           String trustPolicy, int maxSessionDuration, String permissionsBoundaryArn,
                           String permissionsBoundaryDocument, Map<String, String> tags) {
    }

    private record Key(String what, String a, String b) {
    }

    private record Cached(long generation, Object value) {
    }

    /** A recorded use: until {@code quietUntil} the same service and region are not written again. */
    private record Use(Instant quietUntil, String service, String region) {
    }

    private final Store store;
    /** The store counter that counts IAM's writes. */
    private static final String COUNTER_SCOPE = "global";
    private static final String COUNTER = "iam-generation";

    private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Use> recordedUses = new ConcurrentHashMap<>();

    public IamDirectory(Store store) {
        this.store = store;
    }

    /** The user owning a long-term access key (AKIA…), whatever its status; empty for unknown keys. */
    public Optional<AccessKeyOwner> findAccessKey(String accessKeyId) {
        return cached(new Key("key", accessKeyId, null), () -> store.read(documents ->
                IamRepository.accessKey(documents, accessKeyId).flatMap(key ->
                        IamRepository.user(documents, key.accountId(), key.userName()).map(user ->
                                new AccessKeyOwner(key.accountId(), user.userName(), user.userId(),
                                        user.arn(key.accountId()), key.accessKeyId(), key.secretAccessKey(),
                                        key.status())))));
    }

    public Optional<UserInfo> user(String accountId, String userName) {
        return cached(new Key("user", accountId, lower(userName)), () -> store.read(documents ->
                IamRepository.user(documents, accountId, userName).map(u -> new UserInfo(accountId, u.userName(),
                        u.userId(), u.arn(accountId), u.path(), u.permissionsBoundary(),
                        boundaryDocument(documents, accountId, u.permissionsBoundary()), tags(u.tags())))));
    }

    public Optional<RoleInfo> role(String accountId, String roleName) {
        return cached(new Key("role", accountId, lower(roleName)), () -> store.read(documents ->
                IamRepository.role(documents, accountId, roleName).map(r -> new RoleInfo(accountId, r.roleName(),
                        r.roleId(), r.arn(accountId), r.path(), r.assumeRolePolicyDocument(), r.maxSessionDuration(),
                        r.permissionsBoundary(), boundaryDocument(documents, accountId, r.permissionsBoundary()),
                        tags(r.tags())))));
    }

    /**
     * The role an ARN names: arn:aws:iam::ACCOUNT:role/PATH/NAME, whose path must be the role's
     * (the name, like every IAM name, matches ignoring case).
     */
    public Optional<RoleInfo> roleByArn(String roleArn) {
        Optional<Arn> arn = Arn.parse(roleArn)
                .filter(a -> a.isOf("iam") && a.region().isEmpty() && a.resourceType().equals("role"));
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        int slash = roleArn.lastIndexOf('/');
        String pathPrefix = roleArn.substring(0, slash + 1);
        return role(arn.get().accountId(), roleArn.substring(slash + 1))
                .filter(role -> role.arn().startsWith(pathPrefix) && role.arn().length() == roleArn.length());
    }

    /** The user's own attached and inline policies, then those of each of its groups. */
    public List<IdentityPolicy> userPolicies(String accountId, String userName) {
        return cached(new Key("userPolicies", accountId, lower(userName)), () -> store.read(documents -> {
            List<IdentityPolicy> policies = new ArrayList<>();
            IamRepository.user(documents, accountId, userName).ifPresent(user -> {
                collect(documents, accountId, user, user.arn(accountId), policies);
                for (String groupKey : user.groups()) {
                    IamRepository.group(documents, accountId, groupKey)
                            .ifPresent(group -> collect(documents, accountId, group, group.arn(accountId), policies));
                }
            });
            return List.copyOf(policies);
        }));
    }

    /** The role's attached and inline policies. */
    public List<IdentityPolicy> rolePolicies(String accountId, String roleName) {
        return cached(new Key("rolePolicies", accountId, lower(roleName)), () -> store.read(documents -> {
            List<IdentityPolicy> policies = new ArrayList<>();
            IamRepository.role(documents, accountId, roleName)
                    .ifPresent(role -> collect(documents, accountId, role, role.arn(accountId), policies));
            return List.copyOf(policies);
        }));
    }

    /**
     * Notes that a key signed a request, for GetAccessKeyLastUsed. Written at most once a minute
     * per key unless the service or region changes, so signing stays read-mostly.
     */
    public void recordAccessKeyUse(String accessKeyId, Instant when, String service, String region) {
        Use previous = recordedUses.get(accessKeyId);
        if (previous != null && Objects.equals(previous.service(), service) && Objects.equals(previous.region(), region)
                && when.isBefore(previous.quietUntil())) {
            return;
        }
        boolean recorded = store.write(documents -> IamRepository.accessKey(documents, accessKeyId).map(key -> {
            IamRepository.saveAccessKey(documents, key.used(when, service, region));
            return true;
        }).orElse(false));
        if (recorded) {
            if (recordedUses.size() >= CACHE_LIMIT) {
                recordedUses.clear();
            }
            recordedUses.put(accessKeyId, new Use(when.plus(USE_RESOLUTION), service, region));
        }
    }

    /** Called inside every IAM write transaction: what was cached before its commit may be stale after it. */
    static void bump(Documents documents) {
        documents.increment(COUNTER_SCOPE, COUNTER);
    }

    /**
     * The generation of IAM's data, as stored: it moves on with every committed write, in this
     * process or another sharing the store. Whatever is derived from answers read after taking
     * the generation may be kept until it moves on, as this directory's own caches are.
     */
    long generation() {
        return store.read(documents -> documents.counter(COUNTER_SCOPE, COUNTER));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Supplier<T> load) {
        long current = generation();
        Cached entry = cache.get(key);
        if (entry != null && entry.generation() == current) {
            return (T) entry.value();
        }
        T value = load.get();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, new Cached(current, value));
        return value;
    }

    private static void collect(Documents documents, String account, PolicyHolder holder, String ownerArn,
                                List<IdentityPolicy> into) {
        for (String arn : holder.attachedPolicies()) {
            ManagedPolicy.find(documents, account, arn)
                    .ifPresent(policy -> into.add(new IdentityPolicy(arn, policy.defaultDocument())));
        }
        holder.inlinePolicies().forEach((name, document) -> into.add(new IdentityPolicy(ownerArn + "#" + name, document)));
    }

    private static String boundaryDocument(Documents documents, String account, String arn) {
        return arn == null ? null : ManagedPolicy.find(documents, account, arn).map(ManagedPolicy::defaultDocument)
                .orElse(null);
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(tag -> out.put(tag.key(), tag.value()));
        return Collections.unmodifiableMap(out);
    }

    private static String lower(String name) {
        return name == null ? null : IamRepository.key(name);
    }
}
