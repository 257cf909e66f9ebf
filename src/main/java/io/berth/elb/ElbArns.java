package io.berth.elb;

import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.Scope;

import java.util.Optional;

/**
 * ELBv2's ARNs: {@code loadbalancer/app|net/NAME/ID}, {@code targetgroup/NAME/ID},
 * {@code listener/app|net/NAME/LBID/ID} and {@code listener-rule/app|net/NAME/LBID/LISTENERID/ID},
 * ids of 16 hex digits.
 */
final class ElbArns {

    static final String SERVICE = "elasticloadbalancing";

    /** What an ARN names, read from its resource type. */
    enum Kind {
        LOAD_BALANCER("loadbalancer"), TARGET_GROUP("targetgroup"), LISTENER("listener"), RULE("listener-rule");

        final String resourceType;

        Kind(String resourceType) {
            this.resourceType = resourceType;
        }
    }

    private ElbArns() {
    }

    /** An ARN of the request's account and region. */
    static String of(RequestContext context, String resource) {
        return Scope.of(context).arn(SERVICE, resource).toString();
    }

    /** "app" for an application load balancer, "net" for a network one. */
    static String typeSegment(String type) {
        return "network".equals(type) ? "net" : "app";
    }

    static String loadBalancer(RequestContext context, String type, String name, String id) {
        return of(context, "loadbalancer/" + typeSegment(type) + "/" + name + "/" + id);
    }

    static String targetGroup(RequestContext context, String name, String id) {
        return of(context, "targetgroup/" + name + "/" + id);
    }

    /** A listener's ARN: its load balancer's, with "listener" for "loadbalancer" and its own id after. */
    static String listener(String loadBalancerArn, String id) {
        return loadBalancerArn.replaceFirst(":loadbalancer/", ":listener/") + "/" + id;
    }

    static String rule(String listenerArn, String id) {
        return listenerArn.replaceFirst(":listener/", ":listener-rule/") + "/" + id;
    }

    /** The kind of an ELBv2 ARN of the request's account and region; empty for anything else. */
    static Optional<Kind> kindOf(RequestContext context, String text) {
        Optional<Arn> arn = Arn.parse(text).filter(a -> a.isOf(SERVICE) && Scope.of(context).contains(a));
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.resourceType.equals(arn.get().resourceType())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
