package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.model.EntityPolicyMessages.AttachedPoliciesResult;
import io.berth.iam.model.IamShapes.AttachedPolicy;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.IamShapes.PolicyGroup;
import io.berth.iam.model.IamShapes.PolicyRole;
import io.berth.iam.model.IamShapes.PolicyUser;
import io.berth.iam.model.PolicyMessages.ListEntitiesForPolicyRequest;
import io.berth.iam.model.PolicyMessages.ListEntitiesForPolicyResult;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static io.berth.iam.Violations.ARN;
import static io.berth.iam.Violations.PATH;
import static io.berth.iam.Violations.POLICY_PATH;

/**
 * Managed policies attached to users, roles and groups (at most ten each; attaching twice is no
 * error), and the reverse view, ListEntitiesForPolicy.
 */
final class Attachments {

    private static final Set<String> ENTITY_FILTERS = Set.of("User", "Role", "Group", "LocalManagedPolicy",
            "AWSManagedPolicy");

    private final ServiceContext<IamIds> iam;

    Attachments(ServiceContext<IamIds> iam) {
        this.iam = iam;
    }

    NoResult attach(RequestContext context, EntityKind kind, String name, Violations.Text nameRule, String policyArn) {
        validate(kind, name, nameRule, policyArn);
        String account = context.accountId();
        return iam.write(documents -> {
            PolicyHolder holder = kind.require(documents, account, name);
            ManagedPolicy policy = ManagedPolicy.find(documents, account, policyArn)
                    .orElseThrow(() -> IamErrors.policyNotAttachable(policyArn));
            if (holder.attachedPolicies().contains(policy.arn())) {
                return new NoResult();
            }
            if (holder.attachedPolicies().size() >= EntityKind.MAX_ATTACHED) {
                throw IamErrors.quota(kind.attachedQuota, EntityKind.MAX_ATTACHED);
            }
            List<String> attached = new ArrayList<>(holder.attachedPolicies());
            attached.add(policy.arn());
            kind.save(documents, account, holder.withAttachedPolicies(attached));
            PolicyUses.add(documents, account, policy.arn(), PolicyUses.PERMISSIONS, kind, holder.name());
            return new NoResult();
        });
    }

    NoResult detach(RequestContext context, EntityKind kind, String name, Violations.Text nameRule, String policyArn) {
        validate(kind, name, nameRule, policyArn);
        String account = context.accountId();
        return iam.write(documents -> {
            PolicyHolder holder = kind.require(documents, account, name);
            if (!holder.attachedPolicies().contains(policyArn)) {
                throw IamErrors.policyNotFound(policyArn);
            }
            kind.save(documents, account, holder.withAttachedPolicies(
                    holder.attachedPolicies().stream().filter(arn -> !arn.equals(policyArn)).toList()));
            PolicyUses.remove(documents, account, policyArn, PolicyUses.PERMISSIONS, kind, holder.name());
            return new NoResult();
        });
    }

    /** Listed by policy name. */
    AttachedPoliciesResult listAttached(RequestContext context, EntityKind kind, String name, Violations.Text nameRule,
                                        String pathPrefix, String marker, Integer maxItems) {
        Violations.check().text(kind.field, name, nameRule).optional("pathPrefix", pathPrefix, POLICY_PATH)
                .marker(marker).maxItems(maxItems).done();
        String account = context.accountId();
        List<ManagedPolicy> attached = iam.read(documents -> kind.require(documents, account, name).attachedPolicies()
                .stream().flatMap(arn -> ManagedPolicy.find(documents, account, arn).stream()).toList());
        List<ManagedPolicy> matching = attached.stream()
                .filter(p -> pathPrefix == null || p.path().startsWith(pathPrefix))
                .sorted(Comparator.comparing(Attachments::pageKey)).toList();
        Page<ManagedPolicy> page = IamPaging.slice(matching, Attachments::pageKey, marker, maxItems);
        return new AttachedPoliciesResult(page.items().stream().map(p -> new AttachedPolicy(p.name(), p.arn())).toList(),
                page.truncated(), page.nextToken());
    }

    /** Users, roles and groups that use a policy; by default both as permissions policy and as boundary. */
    ListEntitiesForPolicyResult listEntitiesForPolicy(RequestContext context, ListEntitiesForPolicyRequest request) {
        Violations.check().text("policyArn", request.policyArn(), ARN)
                .oneOf("entityFilter", request.entityFilter(), ENTITY_FILTERS)
                .optional("pathPrefix", request.pathPrefix(), PATH)
                .oneOf("policyUsageFilter", request.policyUsageFilter(), ManagedPolicies.USAGES)
                .marker(request.marker()).maxItems(request.maxItems()).done();
        String account = context.accountId();
        return iam.read(documents -> {
            ManagedPolicy policy = ManagedPolicies.require(documents, account, request.policyArn(),
                    () -> IamErrors.policyNotAttachable(request.policyArn()));
            List<PolicyHolder> holders = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (PolicyUses.Use use : PolicyUses.of(documents, account, policy.arn())) {
                // An entity may use the policy both ways; it is listed once.
                if (!wanted(use, request) || !seen.add(use.kind().code + use.key())) {
                    continue;
                }
                use.kind().find(documents, account, use.key())
                        .filter(h -> request.pathPrefix() == null || h.path().startsWith(request.pathPrefix()))
                        .ifPresent(holders::add);
            }
            holders.sort(Comparator.comparing(Attachments::pageKey));
            Page<PolicyHolder> page = IamPaging.slice(holders, Attachments::pageKey, request.marker(),
                    request.maxItems());
            List<PolicyGroup> groups = new ArrayList<>();
            List<PolicyUser> people = new ArrayList<>();
            List<PolicyRole> roles = new ArrayList<>();
            for (PolicyHolder holder : page.items()) {
                switch (holder) {
                    case StoredGroup g -> groups.add(new PolicyGroup(g.groupName(), g.groupId()));
                    case StoredUser u -> people.add(new PolicyUser(u.userName(), u.userId()));
                    case StoredRole r -> roles.add(new PolicyRole(r.roleName(), r.roleId()));
                }
            }
            return new ListEntitiesForPolicyResult(groups, people, roles, page.truncated(), page.nextToken());
        });
    }

    private static boolean wanted(PolicyUses.Use use, ListEntitiesForPolicyRequest request) {
        if (request.policyUsageFilter() != null && use.usage()
                != (request.policyUsageFilter().equals("PermissionsPolicy") ? PolicyUses.PERMISSIONS : PolicyUses.BOUNDARY)) {
            return false;
        }
        return request.entityFilter() == null || request.entityFilter().equalsIgnoreCase(use.kind().label);
    }

    private static void validate(EntityKind kind, String name, Violations.Text nameRule, String policyArn) {
        Violations.check().text(kind.field, name, nameRule).text("policyArn", policyArn, ARN).done();
        if (IamArns.parsePolicy(policyArn).isEmpty()) {
            throw IamErrors.validation("ARN " + policyArn + " is not valid.");
        }
    }

    private static String pageKey(ManagedPolicy policy) {
        return IamRepository.key(policy.name()) + "|" + (policy.awsManaged() ? "a" : "l");
    }

    private static String pageKey(PolicyHolder holder) {
        return switch (holder) {
            case StoredGroup g -> "G";
            case StoredRole r -> "R";
            case StoredUser u -> "U";
        } + IamRepository.key(holder.name());
    }
}
