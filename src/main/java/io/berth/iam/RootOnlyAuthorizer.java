package io.berth.iam;

import io.berth.edge.Authorizer;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;

/**
 * Authorization before IAM policies exist: the account root may do everything, any other
 * principal nothing (IAM's implicit deny). The policy evaluator replaces it.
 */
public final class RootOnlyAuthorizer implements Authorizer {
    @Override
    public boolean allows(RequestContext context, String action, String resource) {
        return context.principal().kind() == Principal.Kind.ROOT;
    }
}
