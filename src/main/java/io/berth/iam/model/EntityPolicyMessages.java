package io.berth.iam.model;

import io.berth.iam.model.IamShapes.AttachedPolicy;

import java.util.List;

/**
 * Requests and results of the managed policy attachments and inline policies of users, roles and
 * groups. IAM names the entity differently for each (UserName, RoleName, GroupName), so each
 * kind has its own records; the handlers behind them are shared.
 */
public final class EntityPolicyMessages {

    private EntityPolicyMessages() {
    }

    /** AttachUserPolicy and DetachUserPolicy. */
    public record UserPolicyArnRequest(String userName, String policyArn) {
    }

    /** AttachRolePolicy and DetachRolePolicy. */
    public record RolePolicyArnRequest(String roleName, String policyArn) {
    }

    /** AttachGroupPolicy and DetachGroupPolicy. */
    public record GroupPolicyArnRequest(String groupName, String policyArn) {
    }

    public record ListAttachedUserPoliciesRequest(String userName, String pathPrefix, String marker, Integer maxItems) {
    }

    public record ListAttachedRolePoliciesRequest(String roleName, String pathPrefix, String marker, Integer maxItems) {
    }

    public record ListAttachedGroupPoliciesRequest(String groupName, String pathPrefix, String marker,
                                                   Integer maxItems) {
    }

    public record AttachedPoliciesResult(List<AttachedPolicy> attachedPolicies, Boolean isTruncated, String marker) {
    }

    public record PutUserPolicyRequest(String userName, String policyName, String policyDocument) {
    }

    public record PutRolePolicyRequest(String roleName, String policyName, String policyDocument) {
    }

    public record PutGroupPolicyRequest(String groupName, String policyName, String policyDocument) {
    }

    /** GetUserPolicy and DeleteUserPolicy. */
    public record UserPolicyNameRequest(String userName, String policyName) {
    }

    /** GetRolePolicy and DeleteRolePolicy. */
    public record RolePolicyNameRequest(String roleName, String policyName) {
    }

    /** GetGroupPolicy and DeleteGroupPolicy. */
    public record GroupPolicyNameRequest(String groupName, String policyName) {
    }

    /** {@code policyDocument} is URL-encoded, as IAM sends it. */
    public record GetUserPolicyResult(String userName, String policyName, String policyDocument) {
    }

    public record GetRolePolicyResult(String roleName, String policyName, String policyDocument) {
    }

    public record GetGroupPolicyResult(String groupName, String policyName, String policyDocument) {
    }

    public record ListUserPoliciesRequest(String userName, String marker, Integer maxItems) {
    }

    public record ListRolePoliciesRequest(String roleName, String marker, Integer maxItems) {
    }

    public record ListGroupPoliciesRequest(String groupName, String marker, Integer maxItems) {
    }

    public record PolicyNamesResult(List<String> policyNames, Boolean isTruncated, String marker) {
    }
}
