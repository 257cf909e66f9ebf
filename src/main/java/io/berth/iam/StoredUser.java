package io.berth.iam;

import io.berth.store.StoredTag;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An IAM user as stored: {@code groups} holds the lower-case names of its groups and
 * {@code accessKeys} the ids of its keys (the keys themselves are stored by id, for sign-in).
 */
record StoredUser(String userName, String userId, String path, Instant createDate, String permissionsBoundary,
                  List<StoredTag> tags, List<String> attachedPolicies, SortedMap<String, String> inlinePolicies,
                  List<String> groups, List<String> accessKeys)
        implements PolicyHolder, TaggableEntity.Tagged<StoredUser> {

    StoredUser {
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? new TreeMap<>() : new TreeMap<>(inlinePolicies);
        groups = groups == null ? List.of() : List.copyOf(groups);
        accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
    }

    @Override
    public String name() {
        return userName;
    }

    @Override
    public String id() {
        return userId;
    }

    String arn(String account) {
        return IamArns.of(account, "user", path, userName);
    }

    @Override
    public StoredUser withAttachedPolicies(List<String> arns) {
        return new StoredUser(userName, userId, path, createDate, permissionsBoundary, tags, arns, inlinePolicies,
                groups, accessKeys);
    }

    @Override
    public StoredUser withInlinePolicies(SortedMap<String, String> policies) {
        return new StoredUser(userName, userId, path, createDate, permissionsBoundary, tags, attachedPolicies,
                policies, groups, accessKeys);
    }

    @Override
    public StoredUser withTags(List<StoredTag> newTags) {
        return new StoredUser(userName, userId, path, createDate, permissionsBoundary, newTags, attachedPolicies,
                inlinePolicies, groups, accessKeys);
    }

    StoredUser withPermissionsBoundary(String arn) {
        return new StoredUser(userName, userId, path, createDate, arn, tags, attachedPolicies, inlinePolicies,
                groups, accessKeys);
    }

    StoredUser withGroups(List<String> newGroups) {
        return new StoredUser(userName, userId, path, createDate, permissionsBoundary, tags, attachedPolicies,
                inlinePolicies, newGroups, accessKeys);
    }

    StoredUser withAccessKeys(List<String> keys) {
        return new StoredUser(userName, userId, path, createDate, permissionsBoundary, tags, attachedPolicies,
                inlinePolicies, groups, keys);
    }

    StoredUser renamed(String newName, String newPath) {
        return new StoredUser(newName, userId, newPath, createDate, permissionsBoundary, tags, attachedPolicies,
                inlinePolicies, groups, accessKeys);
    }
}
