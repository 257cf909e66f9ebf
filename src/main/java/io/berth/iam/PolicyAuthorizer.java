package io.berth.iam;

import io.berth.edge.Authorizer;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.iam.policy.AttachedPolicy;
import io.berth.iam.policy.AuthorizationRequest;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.iam.policy.RequestPrincipal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Authorization as IAM decides it: the account root may do everything; an IAM user or an
 * assumed-role session is allowed an action on a resource only if its identity policies allow
 * it, its permissions boundary allows it, its session policy (if any) allows it, and nothing
 * denies it.
 */
public final class PolicyAuthorizer implements Authorizer {

    private final IamDirectory directory;
    private final Sessions sessions;
    private final ParsedPolicies parsed = new ParsedPolicies();

    /** The request time as condition keys see it; formatted once per second, not per request. */
    private record SecondText(long second, String iso, String epoch) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<SecondText> LAST_SECOND =
            new java.util.concurrent.atomic.AtomicReference<>(new SecondText(-1, "", ""));

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
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public boolean allows(RequestContext context, String action, String resource,
                          java.util.Map<String, List<String>> conditionKeys) {
        if (context.principal().kind() == Principal.Kind.ROOT) {
            return true;
        }
        return requestFor(context.principal(), action, resource)
                .map(builder -> PolicyEvaluator.isAllowed(withContext(builder, context).context(conditionKeys).build()))
                .orElse(false);
    }

    /** The request as IAM evaluates it for a principal, without the per-request condition keys. */
    public Optional<AuthorizationRequest.Builder> requestFor(Principal principal, String action, String resource) {
        return switch (principal.kind()) {
            case ROOT -> Optional.of(AuthorizationRequest.builder(RequestPrincipal.root(principal.accountId()), action, resource));
            case USER -> forUser(principal, action, resource);
            case ASSUMED_ROLE -> forSession(principal, action, resource);
        };
    }

    private Optional<AuthorizationRequest.Builder> forUser(Principal principal, String action, String resource) {
        String userName = principal.arn().substring(principal.arn().lastIndexOf('/') + 1);
        return directory.user(principal.accountId(), userName).map(user -> {
            AuthorizationRequest.Builder builder = AuthorizationRequest.builder(RequestPrincipal.user(user.arn(),
                    user.accountId(), user.userId(), user.userName(), user.tags()), action, resource);
            addPolicies(builder, directory.userPolicies(user.accountId(), user.userName()), user.permissionsBoundaryArn(),
                    user.permissionsBoundaryDocument());
            return builder;
        });
    }

    private Optional<AuthorizationRequest.Builder> forSession(Principal principal, String action, String resource) {
        return sessions.get(principal.accessKeyId()).filter(StsSession::assumedRole)
                .flatMap(session -> directory.role(session.accountId(), session.roleName()).map(role -> {
                    AuthorizationRequest.Builder builder = AuthorizationRequest.builder(RequestPrincipal.assumedRole(
                            session.arn(), role.arn(), role.accountId(), role.roleId(), session.sessionName(),
                            session.tags()), action, resource);
                    addPolicies(builder, directory.rolePolicies(role.accountId(), role.roleName()),
                            role.permissionsBoundaryArn(), role.permissionsBoundaryDocument());
                    if (session.sessionPolicy() != null) {
                        builder.sessionPolicy(new AttachedPolicy("session", "session", parsed.of(session.sessionPolicy())));
                    }
                    return builder;
                }));
    }

    private void addPolicies(AuthorizationRequest.Builder builder, List<IamDirectory.IdentityPolicy> policies,
                             String boundaryArn, String boundaryDocument) {
        for (IamDirectory.IdentityPolicy policy : policies) {
            builder.identityPolicy(new AttachedPolicy(policy.id(), "IAM Policy", parsed.of(policy.document())));
        }
        if (boundaryDocument != null) {
            builder.permissionsBoundary(new AttachedPolicy(boundaryArn, "PermissionsBoundary", parsed.of(boundaryDocument)));
        }
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
