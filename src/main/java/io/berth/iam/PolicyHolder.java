package io.berth.iam;

import io.berth.store.StoredDocument;

import java.util.List;
import java.util.SortedMap;

/**
 * A user, role or group as the managed-policy attachments and inline policies see it: the part
 * of IAM the three share, each kept in the store as it is. Inline policies are kept by name, in
 * name order, as sent.
 */
sealed interface PolicyHolder extends StoredDocument permits StoredUser, StoredRole, StoredGroup {

    String name();

    String id();

    String path();

    /** Managed policy ARNs, in the order they were attached. */
    List<String> attachedPolicies();

    SortedMap<String, String> inlinePolicies();

    PolicyHolder withAttachedPolicies(List<String> arns);

    PolicyHolder withInlinePolicies(SortedMap<String, String> policies);
}
