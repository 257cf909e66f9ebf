package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.iam.model.SimulationMessages.ContextEntry;
import io.berth.iam.model.SimulationMessages.EvaluationResult;
import io.berth.iam.model.SimulationMessages.Position;
import io.berth.iam.model.SimulationMessages.SimulateCustomPolicyRequest;
import io.berth.iam.model.SimulationMessages.SimulatePolicyResponse;
import io.berth.iam.model.SimulationMessages.SimulatePrincipalPolicyRequest;
import io.berth.iam.model.SimulationMessages.Statement;
import io.berth.iam.policy.AttachedPolicy;
import io.berth.iam.policy.AuthorizationRequest;
import io.berth.iam.policy.Evaluation;
import io.berth.iam.policy.MalformedPolicyException;
import io.berth.iam.policy.MatchedStatement;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;
import io.berth.iam.policy.RequestPrincipal;
import io.berth.kit.ValidationMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * IAM's policy simulator: the same evaluator that authorizes every request, answering which
 * statements allow or deny each action on each resource, so users can ask why.
 */
final class Simulations {

    private final IamDirectory directory;

    Simulations(IamDirectory directory) {
        this.directory = directory;
    }

    SimulatePolicyResponse simulatePrincipalPolicy(RequestContext context, SimulatePrincipalPolicyRequest request) {
        String source = request.policySourceArn();
        Function<String, AuthorizationRequest.Builder> start;
        List<AttachedPolicy> identity = new ArrayList<>();
        AttachedPolicy boundary;
        if (source != null && source.contains(":user/")) {
            IamDirectory.UserInfo user = directory.user(context.accountId(), source.substring(source.lastIndexOf('/') + 1))
                    .filter(u -> u.arn().equals(source)).orElseThrow(() -> noSuchEntity(source));
            directory.userPolicies(user.accountId(), user.userName()).forEach(p -> identity.add(stored(p)));
            boundary = user.permissionsBoundaryDocument() == null ? null : new AttachedPolicy(
                    user.permissionsBoundaryArn(), "PermissionsBoundary", PolicyParser.parseStored(user.permissionsBoundaryDocument()));
            start = action -> AuthorizationRequest.builder(RequestPrincipal.user(user.arn(), user.accountId(),
                    user.userId(), user.userName(), user.tags()), action, "*");
        } else if (source != null && source.contains(":role/")) {
            IamDirectory.RoleInfo role = directory.roleByArn(source).orElseThrow(() -> noSuchEntity(source));
            directory.rolePolicies(role.accountId(), role.roleName()).forEach(p -> identity.add(stored(p)));
            boundary = role.permissionsBoundaryDocument() == null ? null : new AttachedPolicy(
                    role.permissionsBoundaryArn(), "PermissionsBoundary", PolicyParser.parseStored(role.permissionsBoundaryDocument()));
            start = action -> AuthorizationRequest.builder(RequestPrincipal.assumedRole(
                    StsSession.assumedRoleArn(role.accountId(), role.roleName(), "simulation"), role.arn(),
                    role.accountId(), role.roleId(), "simulation", role.tags()), action, "*");
        } else {
            throw new AwsException("InvalidInput", 400, "Invalid ARN: " + source
                    + ". PolicySourceArn must name a user or a role.");
        }
        identity.addAll(inputs(request.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY));
        List<AttachedPolicy> boundaries = inputs(request.permissionsBoundaryPolicyInputList(),
                "PermissionsBoundaryPolicyInputList", PolicyKind.BOUNDARY);
        return simulate(start, identity, boundaries.isEmpty() ? boundary : boundaries.getFirst(),
                request.actionNames(), request.resourceArns(), request.contextEntries());
    }

    SimulatePolicyResponse simulateCustomPolicy(RequestContext context, SimulateCustomPolicyRequest request) {
        if (request.policyInputList() == null || request.policyInputList().isEmpty()) {
            throw IamErrors.validation(ValidationMessages.one(null, "policyInputList", "Member must not be null"));
        }
        List<AttachedPolicy> boundaries = inputs(request.permissionsBoundaryPolicyInputList(),
                "PermissionsBoundaryPolicyInputList", PolicyKind.BOUNDARY);
        Function<String, AuthorizationRequest.Builder> start = action -> AuthorizationRequest.builder(
                RequestPrincipal.user(request.callerArn() == null
                        ? IamArns.of(context.accountId(), "user", "/", "simulated")
                        : request.callerArn(), context.accountId(), "SIMULATED", "simulated", java.util.Map.of()), action, "*");
        return simulate(start, inputs(request.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY),
                boundaries.isEmpty() ? null : boundaries.getFirst(), request.actionNames(), request.resourceArns(),
                request.contextEntries());
    }

    private static SimulatePolicyResponse simulate(Function<String, AuthorizationRequest.Builder> start,
                                                   List<AttachedPolicy> identity, AttachedPolicy boundary,
                                                   List<String> actions, List<String> resources,
                                                   List<ContextEntry> context) {
        if (actions == null || actions.isEmpty()) {
            throw IamErrors.validation(ValidationMessages.one(null, "actionNames", "Member must not be null"));
        }
        List<String> targets = resources == null || resources.isEmpty() ? List.of("*") : resources;
        List<EvaluationResult> results = new ArrayList<>();
        for (String action : actions) {
            for (String resource : targets) {
                AuthorizationRequest.Builder builder = AuthorizationRequest.builder(start.apply(action).build().principal(),
                        action, resource);
                identity.forEach(builder::identityPolicy);
                if (boundary != null) {
                    builder.permissionsBoundary(boundary);
                }
                for (ContextEntry entry : context == null ? List.<ContextEntry>of() : context) {
                    builder.context(entry.contextKeyName(), entry.contextKeyValues() == null ? List.of() : entry.contextKeyValues());
                }
                Evaluation evaluation = PolicyEvaluator.evaluate(builder.build());
                results.add(new EvaluationResult(action, resource, evaluation.decision().evalDecision(),
                        evaluation.matchedStatements().stream().map(Simulations::statement).toList(),
                        evaluation.missingContextValues()));
            }
        }
        return new SimulatePolicyResponse(results, false, null);
    }

    private static Statement statement(MatchedStatement matched) {
        var statement = matched.statement();
        return new Statement(matched.sourcePolicyId(), matched.sourcePolicyType(),
                new Position(statement.start().line(), statement.start().column()),
                new Position(statement.end().line(), statement.end().column()));
    }

    private static List<AttachedPolicy> inputs(List<String> documents, String member, PolicyKind kind) {
        List<AttachedPolicy> policies = new ArrayList<>();
        int index = 1;
        for (String document : documents == null ? List.<String>of() : documents) {
            try {
                policies.add(new AttachedPolicy(member + "." + index++, "IAM Policy", PolicyParser.parse(document, kind)));
            } catch (MalformedPolicyException e) {
                throw PolicyDocuments.malformed(e);
            }
        }
        return policies;
    }

    private static AttachedPolicy stored(IamDirectory.IdentityPolicy policy) {
        return new AttachedPolicy(policy.id(), "IAM Policy", PolicyParser.parseStored(policy.document()));
    }

    private static AwsException noSuchEntity(String arn) {
        return new AwsException("NoSuchEntity", 404, "The entity " + arn + " cannot be found.");
    }
}
