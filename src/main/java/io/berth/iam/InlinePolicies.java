package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.model.EntityPolicyMessages.PolicyNamesResult;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.policy.PolicyKind;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.berth.iam.Violations.POLICY_DOCUMENT;
import static io.berth.iam.Violations.POLICY_NAME;

/**
 * Policies embedded in one user, role or group. Their total size per entity is limited (user
 * 2,048, role 10,240, group 5,120 characters, whitespace not counted); putting a name again
 * replaces that policy.
 */
final class InlinePolicies {

    /** An inline policy as read back: the entity's stored name, the policy name, the document as sent. */
    record Found(String entityName, String policyName, String document) {
    }

    private final ServiceContext<IamIds> iam;

    InlinePolicies(ServiceContext<IamIds> iam) {
        this.iam = iam;
    }

    NoResult put(RequestContext context, EntityKind kind, String name, Violations.Text nameRule, String policyName,
                 String document) {
        Violations.check().text(kind.field, name, nameRule).text("policyName", policyName, POLICY_NAME)
                .text("policyDocument", document, POLICY_DOCUMENT).done();
        PolicyDocuments.validate(document, PolicyKind.IDENTITY);
        String account = context.accountId();
        return iam.write(documents -> {
            PolicyHolder holder = kind.require(documents, account, name);
            SortedMap<String, String> policies = new TreeMap<>(holder.inlinePolicies());
            policies.put(policyName, document);
            int total = policies.values().stream().mapToInt(PolicyDocuments::size).sum();
            if (total > kind.inlineLimit) {
                throw kind.inlineTooLarge(holder.name());
            }
            kind.save(documents, account, holder.withInlinePolicies(policies));
            return new NoResult();
        });
    }

    Found get(RequestContext context, EntityKind kind, String name, Violations.Text nameRule, String policyName) {
        validate(kind, name, nameRule, policyName);
        String account = context.accountId();
        return iam.read(documents -> {
            PolicyHolder holder = kind.require(documents, account, name);
            String document = holder.inlinePolicies().get(policyName);
            if (document == null) {
                throw kind.inlineNotFound(policyName);
            }
            return new Found(holder.name(), policyName, document);
        });
    }

    NoResult delete(RequestContext context, EntityKind kind, String name, Violations.Text nameRule, String policyName) {
        validate(kind, name, nameRule, policyName);
        String account = context.accountId();
        return iam.write(documents -> {
            PolicyHolder holder = kind.require(documents, account, name);
            if (!holder.inlinePolicies().containsKey(policyName)) {
                throw kind.inlineNotFound(policyName);
            }
            SortedMap<String, String> policies = new TreeMap<>(holder.inlinePolicies());
            policies.remove(policyName);
            kind.save(documents, account, holder.withInlinePolicies(policies));
            return new NoResult();
        });
    }

    /** Policy names, in name order. */
    PolicyNamesResult list(RequestContext context, EntityKind kind, String name, Violations.Text nameRule, String marker,
                           Integer maxItems) {
        Violations.check().text(kind.field, name, nameRule).marker(marker).maxItems(maxItems).done();
        String account = context.accountId();
        List<String> names = iam.read(documents -> List.copyOf(kind.require(documents, account, name)
                .inlinePolicies().keySet()));
        Page<String> page = IamPaging.slice(names, n -> n, marker, maxItems);
        return new PolicyNamesResult(page.items(), page.truncated(), page.nextToken());
    }

    private static void validate(EntityKind kind, String name, Violations.Text nameRule, String policyName) {
        Violations.check().text(kind.field, name, nameRule).text("policyName", policyName, POLICY_NAME).done();
    }
}
