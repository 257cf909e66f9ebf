package io.berth.iam.model;

import java.time.Instant;
import java.util.List;

/**
 * The structures IAM responses are made of, named and ordered as in the IAM model: the Query
 * encoder writes each component as the element of the same name, capitalised, in this order.
 * A null component is omitted, as IAM omits absent members; an empty list is written empty.
 */
public final class IamShapes {

    private IamShapes() {
    }

    public record Tag(String key, String value) {
    }

    /** IAM answers {@code Policy} as the type, whatever the model's enum says. */
    public record AttachedPermissionsBoundary(String permissionsBoundaryType, String permissionsBoundaryArn) {
        public static AttachedPermissionsBoundary of(String arn) {
            return arn == null ? null : new AttachedPermissionsBoundary("Policy", arn);
        }
    }

    public record User(String path, String userName, String userId, String arn, Instant createDate,
                       Instant passwordLastUsed, AttachedPermissionsBoundary permissionsBoundary, List<Tag> tags) {
    }

    public record RoleLastUsed(Instant lastUsedDate, String region) {
    }

    /** {@code assumeRolePolicyDocument} is URL-encoded, as IAM sends it. */
    public record Role(String path, String roleName, String roleId, String arn, Instant createDate,
                       String assumeRolePolicyDocument, String description, Integer maxSessionDuration,
                       AttachedPermissionsBoundary permissionsBoundary, List<Tag> tags, RoleLastUsed roleLastUsed) {
    }

    public record Group(String path, String groupName, String groupId, String arn, Instant createDate) {
    }

    public record Policy(String policyName, String policyId, String arn, String path, String defaultVersionId,
                         Integer attachmentCount, Integer permissionsBoundaryUsageCount, Boolean isAttachable,
                         String description, Instant createDate, Instant updateDate, List<Tag> tags) {
    }

    /** {@code document} is URL-encoded, as IAM sends it. */
    public record PolicyVersion(String document, String versionId, Boolean isDefaultVersion, Instant createDate) {
    }

    public record AccessKey(String userName, String accessKeyId, String status, String secretAccessKey,
                            Instant createDate) {
    }

    public record AccessKeyMetadata(String userName, String accessKeyId, String status, Instant createDate) {
    }

    public record AccessKeyLastUsed(Instant lastUsedDate, String serviceName, String region) {
    }

    public record AttachedPolicy(String policyName, String policyArn) {
    }

    public record PolicyGroup(String groupName, String groupId) {
    }

    public record PolicyUser(String userName, String userId) {
    }

    public record PolicyRole(String roleName, String roleId) {
    }

    /** The result of operations that answer nothing but their request id. */
    public record NoResult() {
    }
}
