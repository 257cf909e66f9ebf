package io.berth.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS operation, declared once: its wire name, the typed request it decodes to, how IAM
 * authorizes it, and its handler. Routing, authorization and "unknown operation" errors all derive
 * from these declarations. Every service declares its operations the same way:
 *
 * <pre>{@code
 * Operation.named("ecs", "RunTask", RunTaskRequest.class)
 *         .on((context, request) -> List.of(taskDefinitionArn(context, request.taskDefinition())))
 *         .passingRoles((context, request) -> launchRoles(context, request))
 *         .conditionKeys(request -> RequestTags.keys(request.tags()))
 *         .handledBy(tasks::runTask)
 * }</pre>
 *
 * A Query operation reads and writes its records through the service's record codec unless it
 * brings its own ({@link #withCodec}).
 *
 * @param codec the operation's own Query codec; none for a JSON operation or one the record codec serves
 */
public record Operation<Q, R>(String name, Class<Q> requestType, String iamAction, Authorization<Q> authorization,
                              ResourceResolver<Q> passedRoles, ConditionKeys<Q> conditionKeys,
                              Optional<QueryCodec<Q, R>> codec, Handler<Q, R> handler) {

    /** The condition keys a request itself supplies, such as the tags it asks for. */
    @FunctionalInterface
    public interface ConditionKeys<Q> {
        Map<String, List<String>> of(Q request);
    }

    /** How IAM decides whether a caller may perform the operation; every operation says which. */
    public sealed interface Authorization<Q> {

        /**
         * The operation's action on each resource the request names, decided at the edge before
         * the handler runs. The resolver answers at least one ARN (or "*"): an empty answer is a
         * declaration bug, refused as an internal failure, never taken as "allowed" or "denied".
         */
        record OnResources<Q>(ResourceResolver<Q> resources) implements Authorization<Q> {
        }

        /**
         * The handler decides, because what IAM must weigh is known only there (sts:AssumeRole:
         * the role's trust policy together with the caller's own policies).
         */
        record InHandler<Q>() implements Authorization<Q> {
        }

        /**
         * Every authenticated caller may, and no policy can deny it, as AWS documents for
         * sts:GetCallerIdentity and sts:GetSessionToken.
         */
        record EveryCaller<Q>() implements Authorization<Q> {
        }
    }

    /** Starts the declaration of {@code service}'s operation {@code name}, authorized as the IAM action service:name. */
    public static <Q> Builder<Q> named(String service, String name, Class<Q> requestType) {
        return new Builder<>(name, requestType, service + ":" + name, null, (context, request) -> List.of(),
                request -> Map.of());
    }

    /**
     * An operation being declared. Its authorization must be said ({@link #on},
     * {@link #authorizedInHandler} or {@link #allowedToEveryCaller}) before {@link #handledBy}.
     */
    public record Builder<Q>(String name, Class<Q> requestType, String iamAction, Authorization<Q> authorization,
                             ResourceResolver<Q> passedRoles, ConditionKeys<Q> conditionKeys) {

        /** Authorized on the resources the request names, as IAM sees them. */
        public Builder<Q> on(ResourceResolver<Q> resources) {
            return authorized(new Authorization.OnResources<>(resources));
        }

        public Builder<Q> authorizedInHandler() {
            return authorized(new Authorization.InHandler<>());
        }

        public Builder<Q> allowedToEveryCaller() {
            return authorized(new Authorization.EveryCaller<>());
        }

        /**
         * Also needing {@code iam:PassRole} on the role ARNs a request hands to the service (a
         * task's role, its execution role); a request handing none needs no PassRole.
         */
        public Builder<Q> passingRoles(ResourceResolver<Q> roles) {
            return new Builder<>(name, requestType, iamAction, authorization, roles, conditionKeys);
        }

        /** Its policies also seeing these keys of each request. */
        public Builder<Q> conditionKeys(ConditionKeys<Q> keys) {
            return new Builder<>(name, requestType, iamAction, authorization, passedRoles, keys);
        }

        public <R> Operation<Q, R> handledBy(Handler<Q, R> handler) {
            if (authorization == null) {
                throw new IllegalStateException(iamAction + " declares no authorization");
            }
            return new Operation<>(name, requestType, iamAction, authorization, passedRoles, conditionKeys,
                    Optional.empty(), handler);
        }

        private Builder<Q> authorized(Authorization<Q> how) {
            if (authorization != null) {
                throw new IllegalStateException(iamAction + " declares its authorization twice");
            }
            return new Builder<>(name, requestType, iamAction, how, passedRoles, conditionKeys);
        }
    }

    /** The same operation, reading its Query form and writing its XML with its own codec. */
    public Operation<Q, R> withCodec(QueryCodec<Q, R> own) {
        return new Operation<>(name, requestType, iamAction, authorization, passedRoles, conditionKeys,
                Optional.of(own), handler);
    }

    /** The request's condition keys. */
    public Map<String, List<String>> conditionKeysOf(Object request) {
        return conditionKeys.of(requestType.cast(request));
    }

    /** One permission a request needs. */
    public record Permission(String action, String resource) {
    }

    /**
     * Every permission the edge checks for a decoded request: the operation's action on each
     * resource, and PassRole; none for an operation authorized in its handler or open to every caller.
     *
     * @throws IllegalStateException when the resources resolve to none: a declaration that would
     *                               otherwise authorize nothing
     */
    public List<Permission> permissionsFor(RequestContext context, Object request) {
        Q typed = requestType.cast(request);
        List<Permission> permissions = new ArrayList<>();
        switch (authorization) {
            case Authorization.OnResources<Q> on -> {
                List<String> resources = on.resources().resources(context, typed);
                if (resources.isEmpty()) {
                    throw new IllegalStateException(iamAction + " resolved no resource to authorize");
                }
                resources.forEach(resource -> permissions.add(new Permission(iamAction, resource)));
            }
            case Authorization.InHandler<Q> inHandler -> {
            }
            case Authorization.EveryCaller<Q> everyCaller -> {
            }
        }
        passedRoles.resources(context, typed).forEach(role -> permissions.add(new Permission("iam:PassRole", role)));
        return permissions;
    }

    public R invoke(RequestContext context, Object request) {
        return handler.handle(context, requestType.cast(request));
    }
}
