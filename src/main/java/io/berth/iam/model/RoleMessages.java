package io.berth.iam.model;

import io.berth.iam.model.IamShapes.Role;
import io.berth.iam.model.IamShapes.Tag;

import java.time.Instant;
import java.util.List;

/** Requests and results of the IAM role, role tag and role permissions boundary operations. */
public final class RoleMessages {

    private RoleMessages() {
    }

    public record CreateRoleRequest(String path, String roleName, String assumeRolePolicyDocument, String description,
                                    Integer maxSessionDuration, String permissionsBoundary, List<Tag> tags) {
    }

    public record RoleResult(Role role) {
    }

    /** GetRole, DeleteRole and DeleteRolePermissionsBoundary. */
    public record RoleNameRequest(String roleName) {
    }

    public record ListRolesRequest(String pathPrefix, String marker, Integer maxItems) {
    }

    public record ListRolesResult(List<Role> roles, Boolean isTruncated, String marker) {
    }

    public record UpdateRoleRequest(String roleName, String description, Integer maxSessionDuration) {
    }

    public record UpdateAssumeRolePolicyRequest(String roleName, String policyDocument) {
    }

    public record TagRoleRequest(String roleName, List<Tag> tags) {
    }

    public record UntagRoleRequest(String roleName, List<String> tagKeys) {
    }

    public record ListRoleTagsRequest(String roleName, String marker, Integer maxItems) {
    }

    public record PutRolePermissionsBoundaryRequest(String roleName, String permissionsBoundary) {
    }

    public record ListInstanceProfilesForRoleRequest(String roleName, String marker, Integer maxItems) {
    }

    /** An instance profile as IAM describes it. */
    public record InstanceProfile(String path, String instanceProfileName, String instanceProfileId, String arn,
                                  Instant createDate, List<Role> roles) {
    }

    public record ListInstanceProfilesResult(List<InstanceProfile> instanceProfiles, Boolean isTruncated,
                                             String marker) {
    }
}
