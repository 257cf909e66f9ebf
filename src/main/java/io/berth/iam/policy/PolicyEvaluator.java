package io.berth.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IAM's policy evaluation logic for requests within an account and across accounts (AWS
 * Organizations SCPs and RCPs are not modelled). Pure: the clock and everything else comes in the
 * {@link AuthorizationRequest}.
 *
 * <ol>
 *   <li>An applicable Deny statement in any policy (identity, permissions boundary, session,
 *       resource-based) is an explicit deny.</li>
 *   <li>The account root user holds every identity-based permission in its account.</li>
 *   <li>Within the account, a resource-based policy that allows the caller's own ARN (an IAM
 *       user, a role session, the root user), everyone ("*"), or an anonymous or service caller
 *       allows the request by itself: an implicit deny in identity policies, the permissions
 *       boundary or session policies does not limit it. A role trust policy naming the caller
 *       is the exception: the caller's permissions boundary must still allow sts:AssumeRole
 *       ("If a permissions boundary is set for the user, then it must allow the sts:AssumeRole
 *       action"). One that allows the caller's role ARN is
 *       limited by the permissions boundary and the session policies, not by identity policies.
 *       One that allows the caller's account delegates to the account's identity policies.</li>
 *   <li>Otherwise an identity-based allow is needed, and, when set, an allow in the permissions
 *       boundary and in the session policies. Role trust policies (and other policies that must
 *       allow the principal themselves, {@link AuthorizationRequest#resourcePolicyRequired()})
 *       additionally need the resource-based policy to allow the caller or its account.</li>
 *   <li>Across accounts, both the identity side (identity policies, boundary, session policies)
 *       and the resource-based policy must allow.</li>
 *   <li>Anything else is an implicit deny.</li>
 * </ol>
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    /** Whether the request is allowed. */
    public static boolean isAllowed(AuthorizationRequest request) {
        // Without the details a statement's conditions stop at the first that fails.
        return evaluate(request, false).decision() == Decision.ALLOWED;
    }

    /** Evaluates the request: the decision, the statements that made it, and missing context keys. */
    public static Evaluation evaluate(AuthorizationRequest request) {
        return evaluate(request, true);
    }

    /**
     * @param detailed      whether to report the statements that decided and the context keys that
     *                      applicable statements' conditions lacked (every condition of such a statement
     *                      is then evaluated); without, the evaluation carries the decision alone, which
     *                      is the same either way
     */
    private static Evaluation evaluate(AuthorizationRequest request, boolean detailed) {
        RequestPrincipal principal = request.principal();
        Context ctx = new Context(principal, request.context());
        List<String> missing = detailed ? new ArrayList<>(0) : null;
        String action = request.action();
        String resource = request.resource();

        List<MatchedStatement> denies = new ArrayList<>(0);
        List<MatchedStatement> identityAllows = new ArrayList<>(0);
        List<MatchedStatement> boundaryAllows = new ArrayList<>(0);
        List<MatchedStatement> sessionAllows = new ArrayList<>(0);
        List<MatchedStatement> resourceAllows = new ArrayList<>(0);
        PrincipalElement.Match bestResourceMatch = PrincipalElement.Match.NONE;

        boolean hasIdentity = principal.type() != RequestPrincipal.Type.ANONYMOUS && principal.type() != RequestPrincipal.Type.SERVICE;
        if (hasIdentity) {
            for (AttachedPolicy p : request.identityPolicies()) {
                scan(p, MatchedStatement.Role.IDENTITY, action, resource, ctx, missing, denies, identityAllows);
            }
            if (request.permissionsBoundary() != null) {
                scan(request.permissionsBoundary(), MatchedStatement.Role.PERMISSIONS_BOUNDARY, action, resource, ctx, missing, denies,
                        boundaryAllows);
            }
            for (AttachedPolicy p : request.sessionPolicies()) {
                scan(p, MatchedStatement.Role.SESSION, action, resource, ctx, missing, denies, sessionAllows);
            }
        }
        AttachedPolicy rp = request.resourcePolicy();
        if (rp != null) {
            for (Statement s : rp.document().statements()) {
                if (!s.action().applies(action) || !s.resource().applies(resource, ctx)) continue;
                PrincipalElement.Match m;
                PrincipalElement pe = s.principal();
                if (!pe.present()) continue;
                if (pe.negated()) {
                    m = pe.notPrincipalApplies(principal) ? PrincipalElement.Match.WILDCARD : PrincipalElement.Match.NONE;
                } else {
                    m = pe.match(principal);
                }
                if (m == PrincipalElement.Match.NONE) continue;
                if (!s.conditionsHold(ctx, missing)) continue;
                MatchedStatement ms = new MatchedStatement(rp.sourceId(), rp.sourceType(), MatchedStatement.Role.RESOURCE, s);
                if (s.effect() == Effect.DENY) {
                    denies.add(ms);
                } else {
                    resourceAllows.add(ms);
                    if (m.compareTo(bestResourceMatch) > 0) bestResourceMatch = m;
                }
            }
        }

        if (!denies.isEmpty()) return missing == null ? EXPLICIT_DENY : new Evaluation(Decision.EXPLICIT_DENY, denies, missing);

        boolean root = principal.type() == RequestPrincipal.Type.ROOT;
        boolean identityAllowed = root || !identityAllows.isEmpty();
        boolean boundaryAllowed = root || request.permissionsBoundary() == null || !boundaryAllows.isEmpty();
        boolean sessionAllowed = request.sessionPolicies().isEmpty() || !sessionAllows.isEmpty();
        boolean identitySide = hasIdentity && identityAllowed && boundaryAllowed && sessionAllowed;

        if (!hasIdentity) {
            // anonymous and service callers can only be allowed by a resource-based policy
            if (bestResourceMatch != PrincipalElement.Match.NONE) return allowed(resourceAllows, missing);
            return implicit(missing);
        }

        String resourceAccount = request.resourceAccountId() != null ? request.resourceAccountId() : accountOf(resource);
        boolean sameAccount = resourceAccount == null || resourceAccount.isEmpty() || resourceAccount.equals(principal.accountId());

        if (sameAccount) {
            switch (bestResourceMatch) {
                case DIRECT, WILDCARD -> {
                    // a role trust policy naming the user still needs the user's permissions boundary
                    // to allow the action (id_roles_update-role-trust-policy)
                    if (!request.resourcePolicyRequired()) return allowed(resourceAllows, missing);
                    if (boundaryAllowed) return allowed(concat(resourceAllows, boundaryAllows, List.of()), missing);
                }
                case ROLE -> {
                    if (boundaryAllowed && sessionAllowed) return allowed(concat(resourceAllows, boundaryAllows, sessionAllows), missing);
                }
                default -> { }
            }
            if (request.resourcePolicyRequired()) {
                if (bestResourceMatch != PrincipalElement.Match.NONE && identitySide) {
                    return allowed(concat(concat(identityAllows, resourceAllows, List.of()), boundaryAllows, sessionAllows), missing);
                }
                return implicit(missing);
            }
            if (identitySide) return allowed(concat(identityAllows, boundaryAllows, sessionAllows), missing);
            return implicit(missing);
        }
        // cross-account: both sides must allow
        if (bestResourceMatch != PrincipalElement.Match.NONE && identitySide) {
            return allowed(concat(concat(identityAllows, resourceAllows, List.of()), boundaryAllows, sessionAllows), missing);
        }
        return implicit(missing);
    }

    /** Collects a policy's applicable statements (no principal check: identity-side policies). */
    private static void scan(AttachedPolicy policy, MatchedStatement.Role role, String action, String resource, Context ctx,
                             List<String> missing, List<MatchedStatement> denies, List<MatchedStatement> allows) {
        for (Statement s : policy.document().statements()) {
            if (!s.action().applies(action)) continue;
            if (!s.resource().applies(resource, ctx)) continue;
            if (!s.conditionsHold(ctx, missing)) continue;
            MatchedStatement ms = new MatchedStatement(policy.sourceId(), policy.sourceType(), role, s);
            if (s.effect() == Effect.DENY) denies.add(ms);
            else allows.add(ms);
        }
    }

    /** The decision alone, as {@link #isAllowed} needs it (missing is null there). */
    private static final Evaluation ALLOWED = new Evaluation(Decision.ALLOWED, List.of(), List.of());
    private static final Evaluation IMPLICIT_DENY = new Evaluation(Decision.IMPLICIT_DENY, List.of(), List.of());
    private static final Evaluation EXPLICIT_DENY = new Evaluation(Decision.EXPLICIT_DENY, List.of(), List.of());

    private static Evaluation allowed(List<MatchedStatement> matched, List<String> missing) {
        return missing == null ? ALLOWED : new Evaluation(Decision.ALLOWED, matched, missing);
    }

    private static Evaluation implicit(List<String> missing) {
        return missing == null ? IMPLICIT_DENY : new Evaluation(Decision.IMPLICIT_DENY, List.of(), missing);
    }

    private static List<MatchedStatement> concat(List<MatchedStatement> a, List<MatchedStatement> b, List<MatchedStatement> c) {
        if (b.isEmpty() && c.isEmpty()) return a;
        List<MatchedStatement> out = new ArrayList<>(a.size() + b.size() + c.size());
        out.addAll(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    /** The account segment of an ARN, or null. */
    static String accountOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        int c = 0;
        int start = -1;
        for (int i = 0; i < arn.length(); i++) {
            if (arn.charAt(i) == ':') {
                c++;
                if (c == 4) start = i + 1;
                else if (c == 5) return arn.substring(start, i);
            }
        }
        return null;
    }

    /** The request's condition keys: the principal's own keys first, then the supplied context. */
    static final class Context implements KeyResolver {
        private final RequestPrincipal p;
        private final Map<String, List<String>> context;

        Context(RequestPrincipal p, Map<String, List<String>> context) {
            this.p = p;
            this.context = context;
        }

        @Override
        public List<String> values(String key) {
            if (key.startsWith("aws:")) {
                String derived = derived(key);
                if (derived != null) return List.of(derived);
            }
            return context.get(key);
        }

        private String derived(String key) {
            RequestPrincipal.Type t = p.type();
            if (t == RequestPrincipal.Type.ANONYMOUS) return null;
            switch (key) {
                case "aws:username" -> { return t == RequestPrincipal.Type.USER ? p.userName() : null; }
                case "aws:userid" -> { return p.userId(); }
                case "aws:principalarn" -> { return t == RequestPrincipal.Type.SERVICE ? null : p.principalArn(); }
                case "aws:principalaccount" -> { return p.accountId(); }
                case "aws:principaltype" -> { return p.principalType(); }
                case "aws:principalisawsservice" -> { return t == RequestPrincipal.Type.SERVICE ? "true" : "false"; }
                case "aws:principalservicename" -> { return t == RequestPrincipal.Type.SERVICE ? p.arn() : null; }
                default -> {
                    if (key.startsWith("aws:principaltag/")) return p.tag(key.substring("aws:principaltag/".length()));
                    return null;
                }
            }
        }
    }
}
