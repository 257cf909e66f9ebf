package io.berth.edge;

import java.util.List;

/**
 * One AWS operation, declared once: its wire name, the typed request it decodes to, the IAM
 * action and resources it is authorized against, and its handler. Routing, authorization and
 * "unknown operation" errors all derive from these declarations.
 */
public record Operation<Q, R>(String name, Class<Q> requestType, String iamAction,
                              ResourceResolver<Q> resources, Handler<Q, R> handler) {

    public static <Q, R> Operation<Q, R> of(String service, String name, Class<Q> requestType,
                                            ResourceResolver<Q> resources, Handler<Q, R> handler) {
        return new Operation<>(name, requestType, service + ":" + name, resources, handler);
    }

    /** The resource ARNs a decoded request acts on. */
    public List<String> resourcesOf(RequestContext context, Object request) {
        return resources.resources(context, requestType.cast(request));
    }

    public R invoke(RequestContext context, Object request) {
        return handler.handle(context, requestType.cast(request));
    }
}
