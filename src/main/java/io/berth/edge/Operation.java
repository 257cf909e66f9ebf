package io.berth.edge;

import java.util.List;
import java.util.Map;

/**
 * One AWS operation, declared once: its wire name, the typed request it decodes to, the IAM
 * action and resources it is authorized against, and its handler. Routing, authorization and
 * "unknown operation" errors all derive from these declarations.
 */
public record Operation<Q, R>(String name, Class<Q> requestType, String iamAction,
                              ResourceResolver<Q> resources, ResourceResolver<Q> passedRoles,
                              ConditionKeys<Q> conditionKeys, Handler<Q, R> handler) {

    /** The condition keys a request itself supplies, such as the tags it asks for. */
    @FunctionalInterface
    public interface ConditionKeys<Q> {
        Map<String, List<String>> of(Q request);
    }

    public static <Q, R> Operation<Q, R> of(String service, String name, Class<Q> requestType,
                                            ResourceResolver<Q> resources, Handler<Q, R> handler) {
        return new Operation<>(name, requestType, service + ":" + name, resources, (c, r) -> List.of(),
                request -> Map.of(), handler);
    }

    /**
     * The same operation, also needing {@code iam:PassRole} on the role ARNs a request hands to
     * the service (a task's role, its execution role).
     */
    public Operation<Q, R> passingRoles(ResourceResolver<Q> roles) {
        return new Operation<>(name, requestType, iamAction, resources, roles, conditionKeys, handler);
    }

    /** The same operation, its policies also seeing these keys of each request. */
    public Operation<Q, R> withConditionKeys(ConditionKeys<Q> keys) {
        return new Operation<>(name, requestType, iamAction, resources, passedRoles, keys, handler);
    }

    /** The request's condition keys. */
    public Map<String, List<String>> conditionKeysOf(Object request) {
        return conditionKeys.of(requestType.cast(request));
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
