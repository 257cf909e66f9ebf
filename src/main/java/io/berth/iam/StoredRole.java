package io.berth.iam;

import io.berth.store.StoredTag;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An IAM role as stored. The trust policy is kept as it was sent, except that the users and roles
 * it names are named by unique id, as IAM keeps them ({@link PolicyPrincipals}).
 */
record StoredRole(String roleName, String roleId, String path, Instant createDate, String assumeRolePolicyDocument,
                  String description, int maxSessionDuration, String permissionsBoundary, List<StoredTag> tags,
                  List<String> attachedPolicies, SortedMap<String, String> inlinePolicies)
        implements PolicyHolder, TaggableEntity.Tagged<StoredRole> {

    StoredRole {
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? new TreeMap<>() : new TreeMap<>(inlinePolicies);
    }

    @Override
    public String name() {
        return roleName;
    }

    @Override
    public String id() {
        return roleId;
    }

    String arn(String account) {
        return IamArns.of(account, "role", path, roleName);
    }

    @Override
    public StoredRole withAttachedPolicies(List<String> arns) {
        return new StoredRole(roleName, roleId, path, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundary, tags, arns, inlinePolicies);
    }

    @Override
    public StoredRole withInlinePolicies(SortedMap<String, String> policies) {
        return new StoredRole(roleName, roleId, path, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundary, tags, attachedPolicies, policies);
    }

    @Override
    public StoredRole withTags(List<StoredTag> newTags) {
        return new StoredRole(roleName, roleId, path, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundary, newTags, attachedPolicies, inlinePolicies);
    }

    StoredRole withPermissionsBoundary(String arn) {
        return new StoredRole(roleName, roleId, path, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, arn, tags, attachedPolicies, inlinePolicies);
    }

    StoredRole withTrustPolicy(String document) {
        return new StoredRole(roleName, roleId, path, createDate, document, description, maxSessionDuration,
                permissionsBoundary, tags, attachedPolicies, inlinePolicies);
    }

    StoredRole withSettings(String newDescription, int newMaxSessionDuration) {
        return new StoredRole(roleName, roleId, path, createDate, assumeRolePolicyDocument, newDescription,
                newMaxSessionDuration, permissionsBoundary, tags, attachedPolicies, inlinePolicies);
    }
}
