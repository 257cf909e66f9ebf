package io.berth.iam;

import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * IAM's documents in the store. IAM is global: users, roles, groups and policies live in the
 * scope "ACCOUNT/global", keyed by their lower-case name (names are unique ignoring case);
 * access keys live in the scope "global", keyed by key id, since a signature names only that.
 * {@code iam.policy-use} indexes who uses a managed policy (see {@link PolicyUses});
 * {@code iam.principal-id}, in the scope "global", the users and roles stored policies name by
 * unique id (see {@link PolicyPrincipals}).
 */
final class IamRepository {

    static final String USER = "iam.user";
    static final String ROLE = "iam.role";
    static final String GROUP = "iam.group";
    static final String POLICY = "iam.policy";
    static final String POLICY_USE = "iam.policy-use";
    static final String ACCESS_KEY = "iam.access-key";
    static final String KEY_SCOPE = "global";

    private IamRepository() {
    }

    static String scope(String account) {
        return Scope.global(account).key();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static <T extends StoredDocument> Optional<T> find(Documents documents, String kind, String account, String name,
                                                       Class<T> type) {
        if (name == null) {
            return Optional.empty();
        }
        return documents.get(kind, scope(account), key(name)).map(json -> StoredJson.read(json, type));
    }

    static void save(Documents documents, String kind, String account, String name, StoredDocument value) {
        documents.put(kind, scope(account), key(name), StoredJson.write(value));
    }

    static void delete(Documents documents, String kind, String account, String name) {
        documents.delete(kind, scope(account), key(name));
    }

    /** Up to {@code limit} documents of a kind after the key {@code after}, in key order. */
    static <T extends StoredDocument> List<T> page(Documents documents, String kind, String account, String after,
                                                   int limit, Class<T> type) {
        return documents.list(new Documents.Query(kind, scope(account), "", after, limit, false)).stream()
                .map(d -> StoredJson.read(d.body(), type)).toList();
    }

    static Optional<StoredUser> user(Documents documents, String account, String name) {
        return find(documents, USER, account, name, StoredUser.class);
    }

    static Optional<StoredRole> role(Documents documents, String account, String name) {
        return find(documents, ROLE, account, name, StoredRole.class);
    }

    static Optional<StoredGroup> group(Documents documents, String account, String name) {
        return find(documents, GROUP, account, name, StoredGroup.class);
    }

    static Optional<StoredPolicy> policy(Documents documents, String account, String name) {
        return find(documents, POLICY, account, name, StoredPolicy.class);
    }

    static void saveUser(Documents documents, String account, StoredUser user) {
        save(documents, USER, account, user.userName(), user);
    }

    static void saveRole(Documents documents, String account, StoredRole role) {
        save(documents, ROLE, account, role.roleName(), role);
    }

    static void saveGroup(Documents documents, String account, StoredGroup group) {
        save(documents, GROUP, account, group.groupName(), group);
    }

    static void savePolicy(Documents documents, String account, StoredPolicy policy) {
        save(documents, POLICY, account, policy.policyName(), policy);
    }

    static Optional<StoredAccessKey> accessKey(Documents documents, String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        return documents.get(ACCESS_KEY, KEY_SCOPE, accessKeyId).map(json -> StoredJson.read(json, StoredAccessKey.class));
    }

    static void saveAccessKey(Documents documents, StoredAccessKey key) {
        documents.put(ACCESS_KEY, KEY_SCOPE, key.accessKeyId(), StoredJson.write(key));
    }

    static void deleteAccessKey(Documents documents, String accessKeyId) {
        documents.delete(ACCESS_KEY, KEY_SCOPE, accessKeyId);
    }
}
