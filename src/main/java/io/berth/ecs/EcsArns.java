package io.berth.ecs;

import io.berth.edge.RequestContext;

import java.util.Optional;

/** ECS resource names in the long ARN format, and the store scope (account and region) they live in. */
final class EcsArns {

    private EcsArns() {
    }

    static String scope(RequestContext context) {
        return context.accountId() + "/" + context.region();
    }

    static String prefix(RequestContext context) {
        return "arn:aws:ecs:" + context.region() + ":" + context.accountId() + ":";
    }

    static String cluster(RequestContext context, String name) {
        return prefix(context) + "cluster/" + name;
    }

    static String taskDefinition(RequestContext context, String family, int revision) {
        return prefix(context) + "task-definition/" + family + ":" + revision;
    }

    /** An ECS ARN split into its resource type and the rest, e.g. {@code cluster} and {@code prod}. */
    record Parsed(String region, String accountId, String type, String resource) {
    }

    static Optional<Parsed> parse(String arn) {
        if (arn == null || !arn.startsWith("arn:aws:ecs:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        int slash = parts[5].indexOf('/');
        if (slash <= 0 || slash == parts[5].length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(parts[3], parts[4], parts[5].substring(0, slash), parts[5].substring(slash + 1)));
    }

    /** Whether a parsed ARN names something in the caller's account and region. */
    static boolean local(Parsed arn, RequestContext context) {
        return arn.region().equals(context.region()) && arn.accountId().equals(context.accountId());
    }
}
