package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.store.Documents;

import java.util.Optional;

/**
 * The three kinds of IAM identity that hold policies, with what differs between them: how
 * IAM names them in ARNs, request members and messages, and their quotas.
 */
enum EntityKind {
    USER("user", "userName", IamRepository.USER, StoredUser.class, 'U', "PoliciesPerUser", 2048),
    ROLE("role", "roleName", IamRepository.ROLE, StoredRole.class, 'R', "PoliciesPerRole", 10240),
    GROUP("group", "groupName", IamRepository.GROUP, StoredGroup.class, 'G', "PoliciesPerGroup", 5120);

    /** Managed policies attachable to one user, role or group (IAM's default quota). */
    static final int MAX_ATTACHED = 10;

    final String label;
    final String field;
    final String kind;
    final Class<? extends PolicyHolder> type;
    final char code;
    final String attachedQuota;
    /** The total size of an entity's inline policies, whitespace not counted. */
    final int inlineLimit;

    EntityKind(String label, String field, String kind, Class<? extends PolicyHolder> type, char code,
               String attachedQuota, int inlineLimit) {
        this.label = label;
        this.field = field;
        this.kind = kind;
        this.type = type;
        this.code = code;
        this.attachedQuota = attachedQuota;
        this.inlineLimit = inlineLimit;
    }

    static EntityKind ofCode(char code) {
        for (EntityKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no entity kind " + code);
    }

    Optional<? extends PolicyHolder> find(Documents documents, String account, String name) {
        return IamRepository.find(documents, kind, account, name, type);
    }

    PolicyHolder require(Documents documents, String account, String name) {
        return find(documents, account, name).orElseThrow(() -> notFound(name));
    }

    void save(Documents documents, String account, PolicyHolder holder) {
        IamRepository.save(documents, kind, account, holder.name(), holder);
    }

    String arn(String account, PolicyHolder holder) {
        return IamArns.of(account, label, holder.path(), holder.name());
    }

    /** "The role with name X cannot be found." */
    AwsException notFound(String name) {
        return IamErrors.noSuchEntity("The " + label + " with name " + name + " cannot be found.");
    }

    /** "The role policy with name X cannot be found." */
    AwsException inlineNotFound(String policyName) {
        return IamErrors.noSuchEntity("The " + label + " policy with name " + policyName + " cannot be found.");
    }

    /** "Maximum policy size of 10240 bytes exceeded for role X" */
    AwsException inlineTooLarge(String name) {
        return IamErrors.limitExceeded("Maximum policy size of " + inlineLimit + " bytes exceeded for " + label + " " + name);
    }
}
