package io.berth.iam;

import io.berth.store.Documents;

/** Permissions boundaries: a managed policy ARN set on a user or role, recorded as a use of that policy. */
final class Boundaries {

    private Boundaries() {
    }

    /** The ARN, once it names a managed policy the account can use. */
    static String require(Documents documents, String account, String arn) {
        if (IamArns.parsePolicy(arn).isEmpty()) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        if (ManagedPolicy.find(documents, account, arn).isEmpty()) {
            throw IamErrors.boundaryNotFound(arn);
        }
        return arn;
    }

    /** Records that {@code name} now uses {@code newArn} (or none) as its boundary instead of {@code oldArn}. */
    static void replace(Documents documents, String account, EntityKind kind, String name, String oldArn,
                        String newArn) {
        if (oldArn != null) {
            PolicyUses.remove(documents, account, oldArn, PolicyUses.BOUNDARY, kind, name);
        }
        if (newArn != null) {
            PolicyUses.add(documents, account, newArn, PolicyUses.BOUNDARY, kind, name);
        }
    }
}
