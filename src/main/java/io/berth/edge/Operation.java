package io.berth.edge;

import java.util.List;

/**
 * One AWS operation, declared once: its wire name, the typed request it decodes to, the IAM
 * action and resources it is authorized against, and its handler. Routing, authorization and
 * "unknown operation" errors all derive from these declarations.
 */
public record Operation<Q, R>(String name, Class<Q> requestType, String iamAction,
                              ResourceResolver<Q> resources, ResourceResolver<Q> passedRoles, Handler<Q, R> handler) {

    public static <Q, R> Operation<Q, R> of(String service, String name, Class<Q> requestType,
                                            ResourceResolver<Q> resources, Handler<Q, R> handler) {
        return new Operation<>(name, requestType, service + ":" + name, resources, (c, r) -> List.of(), handler);
    }

    /**
     * The same operation, also needing {@code iam:PassRole} on the role ARNs a request hands to
     * the service (a task's role, its execution role).
     */
    public Operation<Q, R> passingRoles(ResourceResolver<Q> roles) {
        return new Operation<>(name, requestType, iamAction, resources, roles, handler);
    }

    /** One permission a request needs. */
    public record Permission(String action, String resource) {
    }

    /** Every permission a decoded request needs: the operation's action on each resource, and PassRole. */
    public List<Permission> permissionsFor(RequestContext context, Object request) {
        Q typed = requestType.cast(request);
        List<Permission> permissions = new java.util.ArrayList<>();
        resources.resources(context, typed).forEach(resource -> permissions.add(new Permission(iamAction, resource)));
        passedRoles.resources(context, typed).forEach(role -> permissions.add(new Permission("iam:PassRole", role)));
        return permissions;
    }

    public R invoke(RequestContext context, Object request) {
        return handler.handle(context, requestType.cast(request));
    }
}
