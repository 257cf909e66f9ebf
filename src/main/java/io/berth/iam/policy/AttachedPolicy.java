package io.berth.iam.policy;

import java.util.Objects;

/**
 * A policy taking part in an evaluation, labelled as SimulatePrincipalPolicy reports matched
 * statements: {@code sourceId} is the policy's name or ARN, {@code sourceType} one of IAM's
 * PolicySourceType values ("user", "group", "role", "aws-managed", "user-managed", "resource",
 * "none").
 */
public record AttachedPolicy(String sourceId, String sourceType, PolicyDocument document) {
    public AttachedPolicy {
        Objects.requireNonNull(document, "document");
        if (sourceId == null) sourceId = document.id() != null ? document.id() : "PolicyInputList";
        if (sourceType == null) sourceType = "none";
    }

    public static AttachedPolicy of(PolicyDocument document) {
        return new AttachedPolicy(null, null, document);
    }
}
