package io.berth.edge;

import java.util.Map;

/** The tags of a resource, by ARN, as a service keeps them: what aws:ResourceTag/… keys see. */
@FunctionalInterface
public interface ResourceTagLookup {

    ResourceTagLookup NONE = (context, resourceArn) -> Map.of();

    /** The resource's tags; none for an ARN pattern, a resource that does not exist or an unknown service. */
    Map<String, String> of(RequestContext context, String resourceArn);
}
