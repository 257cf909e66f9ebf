package io.berth.edge;

import java.util.List;
import java.util.Map;

/** Decides whether the signed principal may perform an IAM action on a resource. */
@FunctionalInterface
public interface Authorizer {

    /**
     * @param conditionKeys the request's own condition keys (e.g. aws:RequestTag/team, aws:TagKeys),
     *                      besides the global ones every request carries
     */
    boolean allows(RequestContext context, String action, String resource, Map<String, List<String>> conditionKeys);
}
