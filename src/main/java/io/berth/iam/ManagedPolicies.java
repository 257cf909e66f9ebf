package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.iam.IamArns.PolicyArn;
import io.berth.iam.IamViews.Detail;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.IamShapes.Policy;
import io.berth.iam.model.PolicyMessages.CreatePolicyRequest;
import io.berth.iam.model.PolicyMessages.ListPoliciesRequest;
import io.berth.iam.model.PolicyMessages.ListPoliciesResult;
import io.berth.iam.model.PolicyMessages.PolicyArnRequest;
import io.berth.iam.model.PolicyMessages.PolicyResult;
import io.berth.iam.policy.PolicyKind;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;
import io.berth.store.Documents;
import io.berth.store.StoredJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static io.berth.iam.Violations.ARN;
import static io.berth.iam.Violations.POLICY_DESCRIPTION;
import static io.berth.iam.Violations.POLICY_DOCUMENT;
import static io.berth.iam.Violations.POLICY_NAME;
import static io.berth.iam.Violations.POLICY_PATH;

/** Managed policies: the account's own, which it may change, and AWS's, which it may only read and use. */
final class ManagedPolicies {

    /** A managed policy document's size limit, whitespace not counted. */
    static final int MAX_DOCUMENT = 6144;
    private static final Set<String> SCOPES = Set.of("All", "AWS", "Local");
    static final Set<String> USAGES = Set.of("PermissionsPolicy", "PermissionsBoundary");

    private final ServiceContext<IamIds> iam;
    private final TaggableEntity tags;

    ManagedPolicies(ServiceContext<IamIds> iam) {
        this.iam = iam;
        this.tags = new TaggableEntity(iam, "policyArn", ARN, "TagsPerPolicy", false,
                (documents, account, arn) -> require(documents, account, arn,
                        () -> IamErrors.policyNotFound(arn)).tags(),
                TaggableEntity.writer((documents, account, arn) -> requireOwn(documents, account, arn,
                        "Cannot update policies outside your own account.", () -> IamErrors.policyNotFound(arn)),
                        IamRepository::savePolicy));
    }

    /**
     * Managed policies' tags: keys that differ only in case stay apart, at most 50 (TagsPerPolicy);
     * AWS's own policies show their tags but refuse changes.
     */
    TaggableEntity tags() {
        return tags;
    }

    PolicyResult createPolicy(RequestContext context, CreatePolicyRequest request) {
        Violations.check().text("policyName", request.policyName(), POLICY_NAME)
                .optional("path", request.path(), POLICY_PATH)
                .text("policyDocument", request.policyDocument(), POLICY_DOCUMENT)
                .optional("description", request.description(), POLICY_DESCRIPTION).tags(request.tags()).done();
        validateDocument(request.policyDocument());
        tags.requireDistinct(request.tags());
        String account = context.accountId();
        return iam.write(documents -> {
            if (IamRepository.policy(documents, account, request.policyName()).isPresent()) {
                throw IamErrors.alreadyExists("A policy called " + request.policyName()
                        + " already exists. Duplicate names are not allowed.");
            }
            var now = iam.now();
            StoredPolicy policy = new StoredPolicy(request.policyName(), iam.ids().uniqueId("ANPA"),
                    request.path() == null ? "/" : request.path(), request.description(), now, now, "v1", 2,
                    List.of(new StoredPolicy.Version("v1", request.policyDocument(), now)),
                    tags.initial(request.tags()));
            IamRepository.savePolicy(documents, account, policy);
            return new PolicyResult(IamViews.policy(ManagedPolicy.of(account, policy), 0, 0, Detail.CREATED));
        });
    }

    PolicyResult getPolicy(RequestContext context, PolicyArnRequest request) {
        validateArn(request.policyArn());
        String account = context.accountId();
        return iam.read(documents -> new PolicyResult(view(documents, account,
                require(documents, account, request.policyArn(), () -> IamErrors.policyNotFound(request.policyArn())),
                Detail.FULL)));
    }

    NoResult deletePolicy(RequestContext context, PolicyArnRequest request) {
        validateArn(request.policyArn());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredPolicy policy = requireOwn(documents, account, request.policyArn(),
                    "Cannot delete policies outside your own account.",
                    () -> IamErrors.policyNotFound(request.policyArn()));
            if (!PolicyUses.of(documents, account, request.policyArn()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, "
                        + "you must delete the policy's versions. The default version is deleted with the policy.");
            }
            IamRepository.delete(documents, IamRepository.POLICY, account, policy.policyName());
            return new NoResult();
        });
    }

    /** Scope All lists AWS's and the account's policies together, by name; PolicyUsageFilter is not applied. */
    ListPoliciesResult listPolicies(RequestContext context, ListPoliciesRequest request) {
        Violations.check().oneOf("scope", request.scope(), SCOPES)
                .optional("pathPrefix", request.pathPrefix(), POLICY_PATH)
                .oneOf("policyUsageFilter", request.policyUsageFilter(), USAGES).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String scope = request.scope() == null ? "All" : request.scope();
        String account = context.accountId();
        return iam.read(documents -> {
            List<ManagedPolicy> candidates = new ArrayList<>();
            if (!scope.equals("Local")) {
                AwsManagedPolicies.all().forEach(p -> candidates.add(ManagedPolicy.of(p)));
            }
            if (!scope.equals("AWS")) {
                documents.list(Documents.Query.all(IamRepository.POLICY, IamRepository.scope(account))).forEach(d ->
                        candidates.add(ManagedPolicy.of(account, StoredJson.read(d.body(), StoredPolicy.class))));
            }
            List<Policy> matching = candidates.stream()
                    .filter(p -> request.pathPrefix() == null || p.path().startsWith(request.pathPrefix()))
                    .sorted(Comparator.comparing(ManagedPolicies::pageKey))
                    .map(p -> view(documents, account, p, Detail.LISTED))
                    .filter(p -> !Boolean.TRUE.equals(request.onlyAttached()) || p.attachmentCount() > 0)
                    .toList();
            Page<Policy> page = IamPaging.slice(matching, p -> pageKey(p.policyName(), p.arn()),
                    request.marker(), request.maxItems());
            return new ListPoliciesResult(page.items(), page.truncated(), page.nextToken());
        });
    }

    /** The policy with its use counts, which are derived from the use index rather than kept. */
    static Policy view(Documents documents, String account, ManagedPolicy policy, Detail detail) {
        return IamViews.policy(policy, PolicyUses.count(documents, account, policy.arn(), PolicyUses.PERMISSIONS),
                PolicyUses.count(documents, account, policy.arn(), PolicyUses.BOUNDARY), detail);
    }

    /** The policy an ARN names, or {@code missing}; an ARN that is no policy ARN at all is invalid input. */
    static ManagedPolicy require(Documents documents, String account, String arn, Supplier<AwsException> missing) {
        if (IamArns.parsePolicy(arn).isEmpty()) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        return ManagedPolicy.find(documents, account, arn).orElseThrow(missing);
    }

    /** One of the account's own policies: AWS's may be read, not changed ({@code refusal} says so). */
    static StoredPolicy requireOwn(Documents documents, String account, String arn, String refusal,
                                   Supplier<AwsException> missing) {
        ManagedPolicy policy = require(documents, account, arn, missing);
        if (policy.awsManaged()) {
            throw IamErrors.accessDenied(refusal);
        }
        return IamRepository.policy(documents, account, policy.name()).orElseThrow(missing);
    }

    /** The parser's verdict first, then IAM's size quota for managed policies. */
    static void validateDocument(String document) {
        PolicyDocuments.validate(document, PolicyKind.IDENTITY);
        if (PolicyDocuments.size(document) > MAX_DOCUMENT) {
            throw IamErrors.quota("PolicySize", MAX_DOCUMENT);
        }
    }

    static void validateArn(String arn) {
        Violations.check().text("policyArn", arn, ARN).done();
    }

    /** Policies are listed by name; an AWS policy and the account's own may share one. */
    private static String pageKey(ManagedPolicy policy) {
        return pageKey(policy.name(), policy.arn());
    }

    private static String pageKey(String name, String arn) {
        boolean aws = IamArns.parsePolicy(arn).map(PolicyArn::account).filter(IamArns.AWS::equals).isPresent();
        return IamRepository.key(name) + "|" + (aws ? "a" : "l");
    }
}
