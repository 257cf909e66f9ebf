package io.berth.iam;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** An IAM group as stored; {@code members} holds the lower-case names of its users, sorted. */
record StoredGroup(String groupName, String groupId, String path, Instant createDate, List<String> attachedPolicies,
                   SortedMap<String, String> inlinePolicies, List<String> members) implements PolicyHolder {

    StoredGroup {
        attachedPolicies = attachedPolicies == null ? List.of() : List.copyOf(attachedPolicies);
        inlinePolicies = inlinePolicies == null ? new TreeMap<>() : new TreeMap<>(inlinePolicies);
        members = members == null ? List.of() : List.copyOf(members);
    }

    @Override
    public String name() {
        return groupName;
    }

    @Override
    public String id() {
        return groupId;
    }

    String arn(String account) {
        return IamArns.of(account, "group", path, groupName);
    }

    @Override
    public StoredGroup withAttachedPolicies(List<String> arns) {
        return new StoredGroup(groupName, groupId, path, createDate, arns, inlinePolicies, members);
    }

    @Override
    public StoredGroup withInlinePolicies(SortedMap<String, String> policies) {
        return new StoredGroup(groupName, groupId, path, createDate, attachedPolicies, policies, members);
    }

    StoredGroup withMembers(List<String> newMembers) {
        return new StoredGroup(groupName, groupId, path, createDate, attachedPolicies, inlinePolicies,
                newMembers.stream().sorted().toList());
    }
}
