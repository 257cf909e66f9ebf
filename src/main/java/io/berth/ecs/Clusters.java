package io.berth.ecs;

import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.ClusterResponse;
import io.berth.ecs.model.ClusterSetting;
import io.berth.ecs.model.CreateClusterRequest;
import io.berth.ecs.model.DeleteClusterRequest;
import io.berth.ecs.model.DescribeClustersRequest;
import io.berth.ecs.model.DescribeClustersResponse;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.ListClustersRequest;
import io.berth.ecs.model.ListClustersResponse;
import io.berth.ecs.model.PutClusterCapacityProvidersRequest;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.UpdateClusterRequest;
import io.berth.ecs.model.UpdateClusterSettingsRequest;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The ECS cluster operations. */
public final class Clusters {

    static final String DEFAULT = "default";
    /** Fargate providers need no scaling attachments, so associating them completes at once. */
    private static final String ATTACHMENTS_COMPLETE = "UPDATE_COMPLETE";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final Set<String> INCLUDES = Set.of("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS");
    private static final Set<String> INSIGHTS = Set.of("enabled", "disabled", "enhanced");

    private final Store store;

    public Clusters(Store store) {
        this.store = store;
    }

    public ClusterResponse createCluster(RequestContext context, CreateClusterRequest request) {
        String name = request.clusterName() == null ? DEFAULT : request.clusterName();
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter(
                    "Cluster name must be 1-255 characters long and contain only letters, numbers, hyphens and underscores.");
        }
        List<Tag> tags = TagRules.POLICY.validate(request.tags());
        List<ClusterSetting> requested = settings(request.settings(), List.of());
        List<String> providers = CapacityStrategy.providers(request.capacityProviders());
        List<CapacityProviderStrategyItem> strategy = CapacityStrategy.validate(
                request.defaultCapacityProviderStrategy(), providers);
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            Optional<Cluster> existing = ClusterRepository.find(documents, scope, name);
            if (existing.isPresent() && "ACTIVE".equals(existing.get().status())) {
                return new ClusterResponse(existing.get());
            }
            Cluster cluster = new Cluster(EcsArns.cluster(context, name), name, request.configuration(), "ACTIVE",
                    0, 0, 0, 0, List.of(), tags, settings(requested, defaultSettings(documents, context)), providers,
                    strategy, List.of(), providers.isEmpty() ? null : ATTACHMENTS_COMPLETE,
                    request.serviceConnectDefaults());
            ClusterRepository.save(documents, scope, cluster);
            return new ClusterResponse(cluster);
        });
    }

    public DescribeClustersResponse describeClusters(RequestContext context, DescribeClustersRequest request) {
        List<String> refs = request.clusters() == null || request.clusters().isEmpty()
                ? List.of(DEFAULT) : request.clusters();
        if (refs.size() > 100) {
            throw EcsErrors.invalidParameter("Clusters cannot have more than 100 elements");
        }
        Set<String> include = Set.copyOf(request.include() == null ? List.of() : request.include());
        for (String field : include) {
            if (!INCLUDES.contains(field)) {
                throw EcsErrors.invalidParameter("Invalid value for include: " + field);
            }
        }
        String scope = Scope.of(context).key();
        return store.read(documents -> {
            List<Cluster> clusters = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                Optional<Cluster> cluster = name(context, ref).flatMap(n -> ClusterRepository.find(documents, scope, n));
                if (cluster.isPresent()) {
                    clusters.add(view(withCounts(documents, scope, cluster.get()), include));
                } else {
                    failures.add(new Failure(ref.startsWith("arn:") ? ref : EcsArns.cluster(context, ref), "MISSING", null));
                }
            }
            return new DescribeClustersResponse(clusters, failures);
        });
    }

    public ListClustersResponse listClusters(RequestContext context, ListClustersRequest request) {
        int limit = Pagination.maxResults(request.maxResults(), 100);
        String scope = Scope.of(context).key();
        PageTokens.Page<Cluster> page = store.read(documents -> Pagination.TOKENS.page(request.nextToken(), limit,
                (after, size) -> ClusterRepository.page(documents, scope, after, size),
                cluster -> "ACTIVE".equals(cluster.status()), Cluster::clusterName));
        return new ListClustersResponse(page.items().stream().map(Cluster::clusterArn).toList(), page.nextToken());
    }

    public ClusterResponse updateCluster(RequestContext context, UpdateClusterRequest request) {
        return update(context, request.cluster(), (documents, cluster) -> {
            List<ClusterSetting> settings = request.settings() == null ? cluster.settings()
                    : settings(request.settings(), cluster.settings());
            return new Cluster(cluster.clusterArn(), cluster.clusterName(),
                    request.configuration() == null ? cluster.configuration() : request.configuration(),
                    cluster.status(), cluster.registeredContainerInstancesCount(), cluster.runningTasksCount(),
                    cluster.pendingTasksCount(), cluster.activeServicesCount(), cluster.statistics(), cluster.tags(),
                    settings, cluster.capacityProviders(), cluster.defaultCapacityProviderStrategy(),
                    cluster.attachments(), cluster.attachmentsStatus(),
                    request.serviceConnectDefaults() == null ? cluster.serviceConnectDefaults() : request.serviceConnectDefaults());
        });
    }

    public ClusterResponse updateClusterSettings(RequestContext context, UpdateClusterSettingsRequest request) {
        if (request.settings() == null) {
            throw EcsErrors.invalidParameter("Settings cannot be null.");
        }
        return updateCluster(context, new UpdateClusterRequest(request.cluster(), request.settings(), null, null));
    }

    public ClusterResponse putClusterCapacityProviders(RequestContext context, PutClusterCapacityProvidersRequest request) {
        if (request.capacityProviders() == null) {
            throw EcsErrors.invalidParameter("capacityProviders can not be null.");
        }
        if (request.defaultCapacityProviderStrategy() == null) {
            throw EcsErrors.invalidParameter("defaultCapacityProviderStrategy can not be null.");
        }
        List<String> providers = CapacityStrategy.providers(request.capacityProviders());
        List<CapacityProviderStrategyItem> strategy = CapacityStrategy.validate(
                request.defaultCapacityProviderStrategy(), providers);
        String scope = Scope.of(context).key();
        return update(context, request.cluster(), (documents, cluster) -> {
            requireUnused(documents, scope, cluster, providers);
            return new Cluster(cluster.clusterArn(), cluster.clusterName(), cluster.configuration(), cluster.status(),
                    cluster.registeredContainerInstancesCount(), cluster.runningTasksCount(),
                    cluster.pendingTasksCount(), cluster.activeServicesCount(), cluster.statistics(), cluster.tags(),
                    cluster.settings(), providers, strategy, List.of(), ATTACHMENTS_COMPLETE,
                    cluster.serviceConnectDefaults());
        });
    }

    public ClusterResponse deleteCluster(RequestContext context, DeleteClusterRequest request) {
        return update(context, request.cluster(), (documents, cluster) -> {
            if (cluster.activeServicesCount() > 0) {
                throw new io.berth.edge.AwsException("ClusterContainsServicesException", 400,
                        "The Cluster cannot be deleted while Services are active.");
            }
            if (cluster.runningTasksCount() + cluster.pendingTasksCount() > 0) {
                throw new io.berth.edge.AwsException("ClusterContainsTasksException", 400,
                        "The Cluster cannot be deleted while Tasks are active.");
            }
            return withStatus(cluster, "INACTIVE");
        });
    }

    /** Reads, changes and saves an ACTIVE cluster in one transaction. */
    private ClusterResponse update(RequestContext context, String ref,
                                   java.util.function.BiFunction<Documents, Cluster, Cluster> change) {
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            Cluster changed = change.apply(documents, withCounts(documents, scope, active(documents, context, ref)));
            ClusterRepository.save(documents, scope, changed);
            return new ClusterResponse(changed);
        });
    }

    /**
     * The cluster a launch goes to: the one named, or {@code default} when none is, created on
     * first use as ECS does.
     */
    static Cluster forLaunch(Documents documents, RequestContext context, String ref) {
        if (ref != null && !ref.isEmpty()) {
            return active(documents, context, ref);
        }
        String scope = Scope.of(context).key();
        return ClusterRepository.find(documents, scope, DEFAULT).filter(c -> "ACTIVE".equals(c.status()))
                .orElseGet(() -> {
                    Cluster created = new Cluster(EcsArns.cluster(context, DEFAULT), DEFAULT, null, "ACTIVE", 0, 0, 0, 0,
                            List.of(), List.of(), defaultSettings(documents, context), List.of(), List.of(), List.of(),
                            null, null);
                    ClusterRepository.save(documents, scope, created);
                    return created;
                });
    }

    /** Refuses to take a provider away from a cluster while tasks not yet stopped run on it, as ECS does. */
    private static void requireUnused(Documents documents, String scope, Cluster cluster, List<String> kept) {
        for (StoredTask stored : TaskRepository.page(documents, scope, cluster.clusterName(), null, Integer.MAX_VALUE)) {
            String provider = stored.task().capacityProviderName();
            if (provider != null && !kept.contains(provider) && !"STOPPED".equals(stored.task().lastStatus())) {
                throw new io.berth.edge.AwsException("ResourceInUseException", 400,
                        "The specified capacity provider is in use and cannot be removed.");
            }
        }
    }

    /** The cluster with its task counts, which are derived from its tasks rather than kept. */
    private static Cluster withCounts(Documents documents, String scope, Cluster c) {
        int running = 0;
        int pending = 0;
        for (StoredTask stored : TaskRepository.page(documents, scope, c.clusterName(), null, Integer.MAX_VALUE)) {
            switch (TaskStatus.valueOf(stored.task().lastStatus())) {
                case PROVISIONING, PENDING, ACTIVATING -> pending++;
                case RUNNING -> running++;
                default -> {
                }
            }
        }
        return new Cluster(c.clusterArn(), c.clusterName(), c.configuration(), c.status(),
                c.registeredContainerInstancesCount(), running, pending, c.activeServicesCount(), c.statistics(),
                c.tags(), c.settings(), c.capacityProviders(), c.defaultCapacityProviderStrategy(), c.attachments(),
                c.attachmentsStatus(), c.serviceConnectDefaults());
    }

    /** The ACTIVE cluster a request names, by name or ARN; {@code default} when it names none. */
    static Cluster active(Documents documents, RequestContext context, String ref) {
        return name(context, ref == null || ref.isEmpty() ? DEFAULT : ref)
                .flatMap(n -> ClusterRepository.find(documents, Scope.of(context).key(), n))
                .filter(cluster -> "ACTIVE".equals(cluster.status()))
                .orElseThrow(EcsErrors::clusterNotFound);
    }

    static void save(Documents documents, RequestContext context, Cluster cluster) {
        ClusterRepository.save(documents, Scope.of(context).key(), cluster);
    }

    /** The cluster name a reference denotes in the caller's account and region, if any. */
    static Optional<String> name(RequestContext context, String ref) {
        if (!ref.startsWith("arn:")) {
            return Optional.of(ref);
        }
        return EcsArns.parse(ref)
                .filter(arn -> arn.resourceType().equals("cluster") && EcsArns.local(arn, context))
                .map(Arn::resourceId);
    }

    static Cluster withTags(Cluster c, List<Tag> tags) {
        return new Cluster(c.clusterArn(), c.clusterName(), c.configuration(), c.status(),
                c.registeredContainerInstancesCount(), c.runningTasksCount(), c.pendingTasksCount(),
                c.activeServicesCount(), c.statistics(), tags, c.settings(), c.capacityProviders(),
                c.defaultCapacityProviderStrategy(), c.attachments(), c.attachmentsStatus(), c.serviceConnectDefaults());
    }

    private static Cluster withStatus(Cluster c, String status) {
        return new Cluster(c.clusterArn(), c.clusterName(), c.configuration(), status,
                c.registeredContainerInstancesCount(), c.runningTasksCount(), c.pendingTasksCount(),
                c.activeServicesCount(), c.statistics(), c.tags(), c.settings(), c.capacityProviders(),
                c.defaultCapacityProviderStrategy(), c.attachments(), c.attachmentsStatus(), c.serviceConnectDefaults());
    }

    /** DescribeClusters shows the optional parts of a cluster only when asked to include them. */
    private static Cluster view(Cluster c, Set<String> include) {
        List<KeyValuePair> statistics = include.contains("STATISTICS") ? List.of(
                new KeyValuePair("runningEC2TasksCount", "0"),
                new KeyValuePair("runningFargateTasksCount", String.valueOf(c.runningTasksCount())),
                new KeyValuePair("pendingEC2TasksCount", "0"),
                new KeyValuePair("pendingFargateTasksCount", String.valueOf(c.pendingTasksCount())),
                new KeyValuePair("activeEC2ServiceCount", "0"),
                new KeyValuePair("activeFargateServiceCount", String.valueOf(c.activeServicesCount())),
                new KeyValuePair("drainingEC2ServiceCount", "0"),
                new KeyValuePair("drainingFargateServiceCount", "0")) : List.of();
        return new Cluster(c.clusterArn(), c.clusterName(),
                include.contains("CONFIGURATIONS") ? c.configuration() : null, c.status(),
                c.registeredContainerInstancesCount(), c.runningTasksCount(), c.pendingTasksCount(),
                c.activeServicesCount(), statistics, include.contains("TAGS") ? c.tags() : List.of(),
                include.contains("SETTINGS") ? c.settings() : null, c.capacityProviders(),
                c.defaultCapacityProviderStrategy(), include.contains("ATTACHMENTS") ? c.attachments() : null,
                c.attachmentsStatus(), c.serviceConnectDefaults());
    }

    /** A new cluster's settings: Container Insights as the creator's account setting says. */
    private static List<ClusterSetting> defaultSettings(Documents documents, RequestContext context) {
        return List.of(new ClusterSetting(AccountSettingRules.CONTAINER_INSIGHTS,
                AccountSettings.effectiveValue(documents, context, AccountSettingRules.CONTAINER_INSIGHTS)));
    }

    /** Applies requested settings over the current ones, validating each as ECS does. */
    private static List<ClusterSetting> settings(List<ClusterSetting> requested, List<ClusterSetting> current) {
        Map<String, ClusterSetting> byName = new LinkedHashMap<>();
        for (ClusterSetting setting : current) {
            byName.put(setting.name(), setting);
        }
        for (ClusterSetting setting : requested == null ? List.<ClusterSetting>of() : requested) {
            if (!"containerInsights".equals(setting.name())) {
                throw EcsErrors.invalidParameter("Invalid cluster setting name: " + setting.name()
                        + ". The only supported setting is containerInsights.");
            }
            if (setting.value() == null || !INSIGHTS.contains(setting.value())) {
                throw EcsErrors.invalidParameter("Invalid value for containerInsights: " + setting.value()
                        + ". Valid values are enabled, disabled and enhanced.");
            }
            byName.put(setting.name(), setting);
        }
        return List.copyOf(byName.values());
    }
}
