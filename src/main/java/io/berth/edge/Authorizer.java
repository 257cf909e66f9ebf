package io.berth.edge;

/** Decides whether the signed principal may perform an IAM action on a resource. */
@FunctionalInterface
public interface Authorizer {
    boolean allows(RequestContext context, String action, String resource);
}
