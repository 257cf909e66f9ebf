package io.berth.edge;

import java.util.List;

/** The resource ARNs an operation acts on, as IAM authorizes them. */
@FunctionalInterface
public interface ResourceResolver<Q> {
    List<String> resources(RequestContext context, Q request);

    static <Q> ResourceResolver<Q> any() {
        return (context, request) -> List.of("*");
    }
}
