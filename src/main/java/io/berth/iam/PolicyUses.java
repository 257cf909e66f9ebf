package io.berth.iam;

import io.berth.store.Documents;

import java.util.List;

/**
 * Who uses each managed policy, as permissions policy ('P') or as permissions boundary ('B'):
 * one small document per use, id "POLICY_ARN|USAGE|KIND|name", written in the same transaction
 * as the entity. It answers AttachmentCount, PermissionsBoundaryUsageCount, ListEntitiesForPolicy
 * and "is this policy in use?" without scanning every user, role and group.
 */
final class PolicyUses {

    static final char PERMISSIONS = 'P';
    static final char BOUNDARY = 'B';

    private PolicyUses() {
    }

    /** One use of a policy by the entity of a kind with a lower-case name {@code key}. */
    record Use(char usage, EntityKind kind, String key) {
    }

    static void add(Documents documents, String account, String policyArn, char usage, EntityKind kind, String name) {
        documents.put(IamRepository.POLICY_USE, IamRepository.scope(account), id(policyArn, usage, kind, name), "{}");
    }

    static void remove(Documents documents, String account, String policyArn, char usage, EntityKind kind,
                       String name) {
        documents.delete(IamRepository.POLICY_USE, IamRepository.scope(account), id(policyArn, usage, kind, name));
    }

    static int count(Documents documents, String account, String policyArn, char usage) {
        return list(documents, account, policyArn + "|" + usage + "|").size();
    }

    static List<Use> of(Documents documents, String account, String policyArn) {
        String prefix = policyArn + "|";
        return list(documents, account, prefix).stream().map(d -> {
            String rest = d.id().substring(prefix.length());
            return new Use(rest.charAt(0), EntityKind.ofCode(rest.charAt(2)), rest.substring(4));
        }).toList();
    }

    /** Moves every use of an entity to its new name (UpdateUser renames users). */
    static void rename(Documents documents, String account, PolicyHolder holder, String boundary, EntityKind kind,
                       String oldName, String newName) {
        for (String arn : holder.attachedPolicies()) {
            remove(documents, account, arn, PERMISSIONS, kind, oldName);
            add(documents, account, arn, PERMISSIONS, kind, newName);
        }
        if (boundary != null) {
            remove(documents, account, boundary, BOUNDARY, kind, oldName);
            add(documents, account, boundary, BOUNDARY, kind, newName);
        }
    }

    private static List<Documents.Document> list(Documents documents, String account, String prefix) {
        return documents.list(new Documents.Query(IamRepository.POLICY_USE, IamRepository.scope(account), prefix,
                null, Integer.MAX_VALUE, false));
    }

    private static String id(String policyArn, char usage, EntityKind kind, String name) {
        return policyArn + "|" + usage + "|" + kind.code + "|" + IamRepository.key(name);
    }
}
