package io.berth.iam.model;

import io.berth.iam.model.IamShapes.Policy;
import io.berth.iam.model.IamShapes.PolicyGroup;
import io.berth.iam.model.IamShapes.PolicyRole;
import io.berth.iam.model.IamShapes.PolicyUser;
import io.berth.iam.model.IamShapes.PolicyVersion;
import io.berth.iam.model.IamShapes.Tag;

import java.util.List;

/** Requests and results of the IAM managed policy and policy version operations. */
public final class PolicyMessages {

    private PolicyMessages() {
    }

    public record CreatePolicyRequest(String policyName, String path, String policyDocument, String description,
                                      List<Tag> tags) {
    }

    public record PolicyResult(Policy policy) {
    }

    /** GetPolicy and DeletePolicy. */
    public record PolicyArnRequest(String policyArn) {
    }

    public record ListPoliciesRequest(String scope, Boolean onlyAttached, String pathPrefix, String policyUsageFilter,
                                      String marker, Integer maxItems) {
    }

    public record ListPoliciesResult(List<Policy> policies, Boolean isTruncated, String marker) {
    }

    public record CreatePolicyVersionRequest(String policyArn, String policyDocument, Boolean setAsDefault) {
    }

    public record PolicyVersionResult(PolicyVersion policyVersion) {
    }

    /** GetPolicyVersion, DeletePolicyVersion and SetDefaultPolicyVersion. */
    public record PolicyVersionRequest(String policyArn, String versionId) {
    }

    public record ListPolicyVersionsRequest(String policyArn, String marker, Integer maxItems) {
    }

    public record ListPolicyVersionsResult(List<PolicyVersion> versions, Boolean isTruncated, String marker) {
    }

    public record ListEntitiesForPolicyRequest(String policyArn, String entityFilter, String pathPrefix,
                                               String policyUsageFilter, String marker, Integer maxItems) {
    }

    public record ListEntitiesForPolicyResult(List<PolicyGroup> policyGroups, List<PolicyUser> policyUsers,
                                              List<PolicyRole> policyRoles, Boolean isTruncated, String marker) {
    }

    public record TagPolicyRequest(String policyArn, List<Tag> tags) {
    }

    public record UntagPolicyRequest(String policyArn, List<String> tagKeys) {
    }

    public record ListPolicyTagsRequest(String policyArn, String marker, Integer maxItems) {
    }
}
