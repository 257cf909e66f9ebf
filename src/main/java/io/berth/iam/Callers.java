package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.edge.RequestContext;

/** The user an operation means when its request names none: the IAM user who signed it. */
final class Callers {

    private Callers() {
    }

    static String userName(RequestContext context, String requested) {
        if (requested != null) {
            return requested;
        }
        if (context.principal().kind() == Principal.Kind.USER) {
            return IamArns.lastSegment(context.principal().arn());
        }
        throw IamErrors.validation("Must specify userName when calling with non-User credentials");
    }
}
