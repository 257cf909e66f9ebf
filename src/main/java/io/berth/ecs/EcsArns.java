package io.berth.ecs;

import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.Scope;

import java.util.Optional;

/** ECS resource names in the long ARN format, of the caller's account and region. */
final class EcsArns {

    private EcsArns() {
    }

    static String prefix(RequestContext context) {
        return of(context, "");
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

    /** Whether a parsed ARN names something in the caller's account and region. */
    static boolean local(Arn arn, RequestContext context) {
        return Scope.of(context).contains(arn);
    }
}
