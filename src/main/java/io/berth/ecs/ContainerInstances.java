package io.berth.ecs;

import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.DescribeContainerInstancesRequest;
import io.berth.ecs.model.DescribeContainerInstancesResponse;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.ListContainerInstancesRequest;
import io.berth.ecs.model.ListContainerInstancesResponse;
import io.berth.edge.RequestContext;
import io.berth.store.Store;

import java.util.List;
import java.util.Set;

/**
 * The ECS container instance queries. Fargate tasks run on no container instances, and Berth
 * runs Fargate capacity only, so every cluster has none: lists are empty and each instance
 * asked for is missing.
 */
public final class ContainerInstances {

    private static final Set<String> STATUSES = Set.of("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING",
            "REGISTRATION_FAILED");
    private static final Set<String> INCLUDES = Set.of("TAGS", "CONTAINER_INSTANCE_HEALTH");

    private final Store store;

    public ContainerInstances(Store store) {
        this.store = store;
    }

    public ListContainerInstancesResponse listContainerInstances(RequestContext context,
                                                                 ListContainerInstancesRequest request) {
        Pagination.maxResults(request.maxResults(), 100);
        Pagination.TOKENS.decode(request.nextToken());
        if (request.status() != null && !STATUSES.contains(request.status())) {
            throw EcsErrors.invalidParameter("status must be one of ACTIVE, DRAINING, REGISTERING, DEREGISTERING, "
                    + "REGISTRATION_FAILED.");
        }
        store.read(documents -> Clusters.active(documents, context, request.cluster()));
        return new ListContainerInstancesResponse(List.of(), null);
    }

    public DescribeContainerInstancesResponse describeContainerInstances(RequestContext context,
                                                                         DescribeContainerInstancesRequest request) {
        List<String> refs = request.containerInstances() == null ? List.of() : request.containerInstances();
        if (refs.isEmpty()) {
            throw EcsErrors.invalidParameter("Container instances cannot be empty.");
        }
        if (refs.size() > 100) {
            throw EcsErrors.invalidParameter("Container instances cannot have more than 100 elements.");
        }
        for (String field : request.include() == null ? List.<String>of() : request.include()) {
            if (!INCLUDES.contains(field)) {
                throw EcsErrors.invalidParameter("Invalid value for include: " + field);
            }
        }
        Cluster cluster = store.read(documents -> Clusters.active(documents, context, request.cluster()));
        return new DescribeContainerInstancesResponse(List.of(), refs.stream()
                .map(ref -> new Failure(arn(context, cluster.clusterName(), ref), "MISSING", null)).toList());
    }

    /** The ARN ECS reports a missing container instance under: the one given, or built from an id. */
    static String arn(RequestContext context, String clusterName, String ref) {
        return ref.startsWith("arn:") ? ref
                : EcsArns.of(context, "container-instance/" + clusterName + "/" + ref);
    }
}
