package io.berth.iam;

import java.util.List;
import java.util.SortedMap;

/**
 * A user, role or group as the managed-policy attachments and inline policies see it: the part
 * of IAM the three share. Inline policies are kept by name, in name order, as sent.
 */
sealed interface PolicyHolder permits StoredUser, StoredRole, StoredGroup {

    String name();

    String id();

    String path();

    /** Managed policy ARNs, in the order they were attached. */
    List<String> attachedPolicies();

    SortedMap<String, String> inlinePolicies();

    PolicyHolder withAttachedPolicies(List<String> arns);

    PolicyHolder withInlinePolicies(SortedMap<String, String> policies);
}
