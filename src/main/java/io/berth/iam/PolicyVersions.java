package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.IamShapes.PolicyVersion;
import io.berth.iam.model.PolicyMessages.CreatePolicyVersionRequest;
import io.berth.iam.model.PolicyMessages.ListPolicyVersionsRequest;
import io.berth.iam.model.PolicyMessages.ListPolicyVersionsResult;
import io.berth.iam.model.PolicyMessages.PolicyVersionRequest;
import io.berth.iam.model.PolicyMessages.PolicyVersionResult;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.berth.iam.Violations.ARN;
import static io.berth.iam.Violations.POLICY_DOCUMENT;
import static io.berth.iam.Violations.VERSION_ID;

/**
 * The versions of managed policies: at most five, one of them the default, which is the one
 * that applies and the one that cannot be deleted. A policy's UpdateDate is its newest version's.
 */
final class PolicyVersions {

    private static final int MAX_VERSIONS = 5;

    private final ServiceContext<IamIds> iam;

    PolicyVersions(ServiceContext<IamIds> iam) {
        this.iam = iam;
    }

    PolicyVersionResult createPolicyVersion(RequestContext context, CreatePolicyVersionRequest request) {
        Violations.check().text("policyArn", request.policyArn(), ARN)
                .text("policyDocument", request.policyDocument(), POLICY_DOCUMENT).done();
        ManagedPolicies.validateDocument(request.policyDocument());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredPolicy policy = ManagedPolicies.requireOwn(documents, account, request.policyArn(),
                    "Cannot update policies outside your own account.",
                    () -> IamErrors.policyNotFound(request.policyArn()));
            if (policy.versions().size() >= MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS + " versions. "
                        + "Before you create a new version, you must delete an existing version.");
            }
            var now = iam.now();
            StoredPolicy.Version version = new StoredPolicy.Version("v" + policy.nextVersion(), request.policyDocument(), now);
            List<StoredPolicy.Version> versions = new ArrayList<>(policy.versions());
            versions.add(version);
            boolean makeDefault = Boolean.TRUE.equals(request.setAsDefault());
            IamRepository.savePolicy(documents, account, policy.withVersions(versions,
                    makeDefault ? version.versionId() : policy.defaultVersionId(), policy.nextVersion() + 1, now));
            return new PolicyVersionResult(new PolicyVersion(null, version.versionId(), makeDefault, now));
        });
    }

    PolicyVersionResult getPolicyVersion(RequestContext context, PolicyVersionRequest request) {
        validate(request);
        String account = context.accountId();
        return iam.read(documents -> {
            ManagedPolicy policy = ManagedPolicies.require(documents, account, request.policyArn(),
                    () -> IamErrors.versionNotFound(request.policyArn(), request.versionId()));
            StoredPolicy.Version version = policy.versions().stream()
                    .filter(v -> v.versionId().equals(request.versionId())).findFirst()
                    .orElseThrow(() -> IamErrors.versionNotFound(request.policyArn(), request.versionId()));
            return new PolicyVersionResult(new PolicyVersion(PolicyDocuments.urlEncode(version.document()),
                    version.versionId(), version.versionId().equals(policy.defaultVersionId()), version.createDate()));
        });
    }

    /** Newest first, without documents. */
    ListPolicyVersionsResult listPolicyVersions(RequestContext context, ListPolicyVersionsRequest request) {
        Violations.check().text("policyArn", request.policyArn(), ARN).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        ManagedPolicy policy = iam.read(documents -> ManagedPolicies.require(documents, account, request.policyArn(),
                () -> IamErrors.policyNotFound(request.policyArn())));
        List<StoredPolicy.Version> versions = policy.versions().stream()
                .sorted(Comparator.comparing(PolicyVersions::pageKey)).toList();
        Page<StoredPolicy.Version> page = IamPaging.slice(versions, PolicyVersions::pageKey,
                request.marker(), request.maxItems());
        return new ListPolicyVersionsResult(page.items().stream().map(v -> new PolicyVersion(null, v.versionId(),
                v.versionId().equals(policy.defaultVersionId()), v.createDate())).toList(),
                page.truncated(), page.nextToken());
    }

    NoResult deletePolicyVersion(RequestContext context, PolicyVersionRequest request) {
        validate(request);
        String account = context.accountId();
        return iam.write(documents -> {
            StoredPolicy policy = ManagedPolicies.requireOwn(documents, account, request.policyArn(),
                    "Cannot delete policy versions for policies outside your own account.",
                    () -> IamErrors.policyNotFound(request.policyArn()));
            StoredPolicy.Version version = policy.version(request.versionId())
                    .orElseThrow(() -> IamErrors.versionNotFound(request.policyArn(), request.versionId()));
            if (version.versionId().equals(policy.defaultVersionId())) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            List<StoredPolicy.Version> remaining = policy.versions().stream()
                    .filter(v -> !v.versionId().equals(version.versionId())).toList();
            IamRepository.savePolicy(documents, account, policy.withVersions(remaining, policy.defaultVersionId(),
                    policy.nextVersion(), policy.updateDate()));
            return new NoResult();
        });
    }

    NoResult setDefaultPolicyVersion(RequestContext context, PolicyVersionRequest request) {
        validate(request);
        String account = context.accountId();
        return iam.write(documents -> {
            StoredPolicy policy = ManagedPolicies.requireOwn(documents, account, request.policyArn(),
                    "Cannot update policies outside your own account.",
                    () -> IamErrors.versionNotFound(request.policyArn(), request.versionId()));
            policy.version(request.versionId())
                    .orElseThrow(() -> IamErrors.versionNotFound(request.policyArn(), request.versionId()));
            IamRepository.savePolicy(documents, account, policy.withVersions(policy.versions(), request.versionId(),
                    policy.nextVersion(), policy.updateDate()));
            return new NoResult();
        });
    }

    private static void validate(PolicyVersionRequest request) {
        Violations.check().text("policyArn", request.policyArn(), ARN).text("versionId", request.versionId(), VERSION_ID)
                .done();
    }

    /** Sorts newest first: version numbers only grow. */
    private static String pageKey(StoredPolicy.Version version) {
        String digits = version.versionId().substring(1).split("\\.")[0];
        return "%010d".formatted(Integer.MAX_VALUE - Long.parseLong(digits));
    }
}
