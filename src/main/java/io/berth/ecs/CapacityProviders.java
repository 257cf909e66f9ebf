package io.berth.ecs;

import io.berth.ecs.model.CapacityProvider;
import io.berth.ecs.model.CapacityProviderResponse;
import io.berth.ecs.model.CreateCapacityProviderRequest;
import io.berth.ecs.model.DeleteCapacityProviderRequest;
import io.berth.ecs.model.DescribeCapacityProvidersRequest;
import io.berth.ecs.model.DescribeCapacityProvidersResponse;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.UpdateCapacityProviderRequest;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ECS capacity provider operations. Berth runs tasks on Fargate capacity only, so the
 * account's capacity providers are the two every account has, {@code FARGATE} and
 * {@code FARGATE_SPOT}; there are no Auto Scaling groups or managed instances to build others on.
 */
public final class CapacityProviders {

    static final List<String> FARGATE_PROVIDERS = List.of("FARGATE", "FARGATE_SPOT");
    static final String NOT_FOUND = "The specified capacity provider was not found. Specify a valid capacity "
            + "provider and try again.";
    private static final int MAX_RESULTS = 10;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Pattern RESERVED_PREFIX = Pattern.compile("(?i)(aws|ecs|fargate).*");

    private final Store store;

    public CapacityProviders(Store store) {
        this.store = store;
    }

    public DescribeCapacityProvidersResponse describeCapacityProviders(RequestContext context,
                                                                       DescribeCapacityProvidersRequest request) {
        if (request.include() != null) {
            for (String field : request.include()) {
                if (!"TAGS".equals(field)) {
                    throw EcsErrors.invalidParameter("Invalid value for include: " + field);
                }
            }
        }
        if (request.capacityProviders() != null && request.capacityProviders().size() > 100) {
            throw EcsErrors.invalidParameter("capacityProviders cannot have more than 100 elements.");
        }
        int limit = request.maxResults() == null ? MAX_RESULTS : request.maxResults();
        if (limit < 1 || limit > MAX_RESULTS) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        String after = Pagination.TOKENS.decode(request.nextToken());
        List<String> available = request.cluster() == null ? FARGATE_PROVIDERS
                : store.read(documents -> Clusters.active(documents, context, request.cluster())).capacityProviders();
        List<CapacityProvider> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (request.capacityProviders() == null || request.capacityProviders().isEmpty()) {
            available.forEach(name -> found.add(fargate(context, name)));
        } else {
            for (String ref : request.capacityProviders()) {
                Optional<String> name = name(context, ref).filter(available::contains);
                if (name.isPresent()) {
                    found.add(fargate(context, name.get()));
                } else {
                    failures.add(new Failure(ref.startsWith("arn:") ? ref : arn(context, ref), "MISSING", null));
                }
            }
        }
        List<CapacityProvider> remaining = found.stream()
                .filter(p -> after == null || p.name().compareTo(after) > 0).toList();
        List<CapacityProvider> page = remaining.subList(0, Math.min(limit, remaining.size()));
        String next = remaining.size() > limit ? Pagination.TOKENS.encode(page.getLast().name()) : null;
        return new DescribeCapacityProvidersResponse(page, failures, next);
    }

    public CapacityProviderResponse createCapacityProvider(RequestContext context, CreateCapacityProviderRequest request) {
        String name = request.name();
        if (name == null || !NAME.matcher(name).matches() || RESERVED_PREFIX.matcher(name).matches()) {
            throw EcsErrors.client("The specified capacity provider name is invalid. Up to 255 characters are allowed, "
                    + "including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot "
                    + "be prefixed with \"aws\", \"ecs\", or \"fargate\". Specify a valid name and try again.");
        }
        TagRules.POLICY.validate(request.tags());
        if (request.managedInstancesProvider() != null) {
            if (request.cluster() != null) {
                store.read(documents -> Clusters.active(documents, context, request.cluster()));
            }
            throw managedInstancesUnsupported();
        }
        if (request.autoScalingGroupProvider() == null) {
            throw EcsErrors.client("A capacity provider must specify an Auto Scaling group provider or a managed "
                    + "instances provider.");
        }
        // Berth has no EC2 Auto Scaling groups, so whatever group is named cannot be found.
        throw EcsErrors.client("The specified Auto Scaling group ARN is invalid or the Auto Scaling group could not "
                + "be found. Specify a valid Auto Scaling group ARN and try again.");
    }

    public CapacityProviderResponse deleteCapacityProvider(RequestContext context, DeleteCapacityProviderRequest request) {
        String name = existing(context, request.capacityProvider());
        throw EcsErrors.client("The " + name + " capacity provider is reserved and cannot be deleted. You can "
                + "disassociate it from a cluster using PutClusterCapacityProviders or by deleting the cluster.");
    }

    public CapacityProviderResponse updateCapacityProvider(RequestContext context, UpdateCapacityProviderRequest request) {
        String name = existing(context, request.name());
        throw EcsErrors.client("The " + name + " capacity provider is reserved and cannot be updated.");
    }

    /** The name of the capacity provider a request refers to; only the Fargate ones exist. */
    private static String existing(RequestContext context, String ref) {
        if (ref == null || ref.isEmpty()) {
            throw EcsErrors.invalidParameter("capacityProvider can not be blank.");
        }
        return name(context, ref).filter(FARGATE_PROVIDERS::contains).orElseThrow(() -> EcsErrors.client(NOT_FOUND));
    }

    /** The capacity provider name a reference (a name or an ARN in the caller's account and region) denotes. */
    static Optional<String> name(RequestContext context, String ref) {
        if (!ref.startsWith("arn:")) {
            return Optional.of(ref);
        }
        return EcsArns.parse(ref)
                .filter(arn -> arn.resourceType().equals("capacity-provider") && EcsArns.local(arn, context))
                .map(Arn::resourceId);
    }

    static String arn(RequestContext context, String name) {
        return EcsArns.of(context, "capacity-provider/" + name);
    }

    private static CapacityProvider fargate(RequestContext context, String name) {
        return new CapacityProvider(arn(context, name), name, null, "ACTIVE", null, null, null, List.of(), name);
    }

    private static AwsException managedInstancesUnsupported() {
        return new AwsException("UnsupportedFeatureException", 400,
                "Amazon ECS Managed Instances capacity providers are not supported: Berth runs tasks on Fargate capacity only.");
    }
}
