package io.berth.iam;

import io.berth.kit.Scope;
import io.berth.store.StoredDocument;

import java.time.Instant;
import java.util.Map;

/**
 * Temporary credentials STS issued. For AssumeRole, the role and session name (and any session
 * policy); for GetSessionToken, the user (or root) they stand for.
 *
 * @param roleName null for a GetSessionToken session
 * @param userName null for an AssumeRole session, or a root GetSessionToken session
 */
public record StsSession(String accessKeyId, String secretAccessKey, String sessionToken, String accountId,
                         String roleName, String roleId, String sessionName, String userName, String userId,
                         String sessionPolicy, Map<String, String> tags, Instant expiration) implements StoredDocument {

    public boolean assumedRole() {
        return roleName != null;
    }

    public String arn() {
        if (assumedRole()) {
            return assumedRoleArn(accountId, roleName, sessionName);
        }
        return userName == null ? Scope.global(accountId).arn("iam", "root").toString() : null;
    }

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    static String assumedRoleArn(String accountId, String roleName, String sessionName) {
        return Scope.global(accountId).arn("sts", "assumed-role/" + roleName + "/" + sessionName).toString();
    }
}
