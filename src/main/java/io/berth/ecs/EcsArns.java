package io.berth.ecs;

import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.Scope;

import java.util.Optional;

/** ECS resource names in the long ARN format, of the caller's account and region. */
final class EcsArns {

    private EcsArns() {
    }

    static String of(RequestContext context, String resource) {
        return Scope.of(context).arn("ecs", resource).toString();
    }

    static String cluster(RequestContext context, String name) {
        return of(context, "cluster/" + name);
    }

    static String taskDefinition(RequestContext context, String family, int revision) {
        return of(context, "task-definition/" + family + ":" + revision);
    }

    /** An ECS ARN whose resource is a type, a slash and a name, e.g. {@code cluster} and {@code prod}. */
    static Optional<Arn> parse(String arn) {
        return Arn.parse(arn)
                .filter(a -> a.isOf("ecs") && a.resource().indexOf('/') > 0 && !a.resource().endsWith("/"));
    }

    /**
     * The name a reference denotes: the reference itself, or the name in an ARN of {@code type}
     * in the caller's account and region; none for any other ARN.
     */
    static Optional<String> name(RequestContext context, String ref, String type) {
        if (!ref.startsWith("arn:")) {
            return Optional.of(ref);
        }
        return parse(ref).filter(arn -> arn.resourceType().equals(type) && local(arn, context)).map(Arn::resourceId);
    }

    /** Whether a parsed ARN names something in the caller's account and region. */
    static boolean local(Arn arn, RequestContext context) {
        return Scope.of(context).contains(arn);
    }
}
