package io.berth.edge;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Decides whether the signed principal may perform an IAM action on a resource. */
@FunctionalInterface
public interface Authorizer {

    /**
     * @param conditionKeys the request's own condition keys (e.g. aws:RequestTag/team, aws:TagKeys),
     *                      besides the global ones every request carries
     * @param resourceTags  the resource's tags (aws:ResourceTag/…), looked up only when a policy asks
     */
    boolean allows(RequestContext context, String action, String resource, Map<String, List<String>> conditionKeys,
                   Supplier<Map<String, String>> resourceTags);
}
