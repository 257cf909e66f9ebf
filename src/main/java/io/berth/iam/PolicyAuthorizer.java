package io.berth.iam;

import io.berth.edge.Authorizer;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.iam.policy.AuthorizationRequest;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.RequestPrincipal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorization as IAM decides it: the account root may do everything; an IAM user or an
 * assumed-role session is allowed an action on a resource only if its identity policies allow
 * it, its permissions boundary allows it, its session policy (if any) allows it, and nothing
 * denies it.
 *
 * <p>Per request only what varies is built: the principal's policies come from
 * {@link PrincipalPolicies} (kept until the next IAM write, already reduced to the statements
 * that can apply to the action), and the global condition keys are shared by the requests of
 * one second from one source address and region.
 */
public final class PolicyAuthorizer implements Authorizer {

    private final PrincipalPolicies policies;

    /** The request time as condition keys see it; formatted once per second, not per request. */
    private record SecondText(long second, String iso, String epoch) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<SecondText> LAST_SECOND =
            new java.util.concurrent.atomic.AtomicReference<>(new SecondText(-1, "", ""));

    /** The global condition keys of the last request, as a request keeps them (normalized). */
    private record GlobalKeys(long second, String region, String sourceIp, Map<String, List<String>> context) {
    }

    private volatile GlobalKeys lastGlobalKeys = new GlobalKeys(Long.MIN_VALUE, null, null, Map.of());

    private static SecondText currentSecond(long epochSecond) {
        SecondText last = LAST_SECOND.get();
        if (last.second() == epochSecond) {
            return last;
        }
        SecondText fresh = new SecondText(epochSecond,
                DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.ofEpochSecond(epochSecond)), String.valueOf(epochSecond));
        LAST_SECOND.set(fresh);
        return fresh;
    }

    public PolicyAuthorizer(IamDirectory directory, Sessions sessions) {
        this.policies = new PrincipalPolicies(directory, sessions);
    }

    @Override
    public boolean allows(RequestContext context, String action, String resource,
                          java.util.Map<String, List<String>> conditionKeys,
                          Supplier<java.util.Map<String, String>> resourceTags) {
        if (context.principal().kind() == Principal.Kind.ROOT) {
            return true;
        }
        PrincipalPolicies.Compiled compiled = policies.of(context.principal());
        if (compiled == null) {
            return false;
        }
        PrincipalPolicies.ForAction applicable = compiled.forAction(action);
        AuthorizationRequest request;
        if (conditionKeys.isEmpty() && !applicable.readsResourceTags()) {
            request = new AuthorizationRequest(compiled.principal(), action, resource, null, globalKeys(context),
                    applicable.identity(), applicable.boundary(), applicable.sessionPolicies(), null, false);
        } else {
            AuthorizationRequest.Builder builder = AuthorizationRequest.builder(compiled.principal(), action, resource);
            applicable.identity().forEach(builder::identityPolicy);
            if (applicable.boundary() != null) {
                builder.permissionsBoundary(applicable.boundary());
            }
            applicable.sessionPolicies().forEach(builder::sessionPolicy);
            withContext(builder, context).context(conditionKeys);
            if (applicable.readsResourceTags()) {
                String service = action.substring(0, action.indexOf(':') + 1);
                resourceTags.get().forEach((key, value) -> builder.context("aws:ResourceTag/" + key, value)
                        .context(service + "ResourceTag/" + key, value));
            }
            request = builder.build();
        }
        return PolicyEvaluator.isAllowed(request);
    }

    /** The request as IAM evaluates it for a principal, without the per-request condition keys. */
    public Optional<AuthorizationRequest.Builder> requestFor(Principal principal, String action, String resource) {
        if (principal.kind() == Principal.Kind.ROOT) {
            return Optional.of(AuthorizationRequest.builder(RequestPrincipal.root(principal.accountId()), action, resource));
        }
        return Optional.ofNullable(policies.of(principal)).map(compiled -> {
            AuthorizationRequest.Builder builder = AuthorizationRequest.builder(compiled.principal(), action, resource);
            compiled.identity().forEach(builder::identityPolicy);
            if (compiled.boundary() != null) {
                builder.permissionsBoundary(compiled.boundary());
            }
            compiled.sessionPolicies().forEach(builder::sessionPolicy);
            return builder;
        });
    }

    /**
     * The global condition keys of {@link #withContext}, normalized as a request keeps them; the
     * same map for every request of one second, region and source address.
     */
    private Map<String, List<String>> globalKeys(RequestContext context) {
        long second = context.receivedAt().getEpochSecond();
        GlobalKeys last = lastGlobalKeys;
        if (last.second() == second && Objects.equals(last.region(), context.region())
                && Objects.equals(last.sourceIp(), context.sourceIp())) {
            return last.context();
        }
        Map<String, List<String>> keys = withContext(AuthorizationRequest.builder(RequestPrincipal.anonymous(),
                "-", "*"), context).build().context();
        lastGlobalKeys = new GlobalKeys(second, context.region(), context.sourceIp(), keys);
        return keys;
    }

    /** The global condition keys every request carries. */
    static AuthorizationRequest.Builder withContext(AuthorizationRequest.Builder builder, RequestContext context) {
        SecondText now = currentSecond(context.receivedAt().getEpochSecond());
        return builder.context("aws:RequestedRegion", context.region())
                .context("aws:CurrentTime", now.iso())
                .context("aws:EpochTime", now.epoch())
                .context("aws:SecureTransport", "false")
                .context("aws:SourceIp", context.sourceIp());
    }
}
