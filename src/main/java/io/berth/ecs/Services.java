package io.berth.ecs;

import io.berth.ec2.Networks;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.AwsVpcConfiguration;
import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.CreateServiceRequest;
import io.berth.ecs.model.DeleteServiceRequest;
import io.berth.ecs.model.Deployment;
import io.berth.ecs.model.DeploymentCircuitBreaker;
import io.berth.ecs.model.DeploymentConfiguration;
import io.berth.ecs.model.DeploymentController;
import io.berth.ecs.model.DescribeServicesRequest;
import io.berth.ecs.model.DescribeServicesResponse;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.ListServicesByNamespaceRequest;
import io.berth.ecs.model.ListServicesRequest;
import io.berth.ecs.model.ListServicesResponse;
import io.berth.ecs.model.LoadBalancer;
import io.berth.ecs.model.NetworkConfiguration;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.Service;
import io.berth.ecs.model.ServiceEvent;
import io.berth.ecs.model.ServiceResponse;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.ecs.model.UpdateServiceRequest;
import io.berth.ecs.scheduler.DeploymentStatus;
import io.berth.ecs.scheduler.SchedulerMemory;
import io.berth.ecs.scheduler.ServiceDeployment;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ECS service operations: CreateService, UpdateService, DeleteService, DescribeServices,
 * ListServices, ListServicesByNamespace. They write what the service asks for; the service
 * scheduler, woken by {@code changed}, runs its tasks.
 */
public final class Services {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private static final int DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
    private static final int DEFAULT_MAXIMUM_PERCENT = 200;
    /**
     * What ECS answers for a target group it cannot find; Berth has no load balancers yet, so every
     * {@code loadBalancers} entry names one it cannot find.
     */
    static final String TARGET_GROUP_NOT_FOUND = "Unable to assume role and validate the specified targetGroupArn. "
            + "Please verify that the ECS service role being passed has the proper permissions.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Networks networks;
    private final Runnable changed;

    public Services(Store store, Networks networks, Runnable changed) {
        this.store = store;
        this.networks = networks;
        this.changed = changed;
    }

    public ServiceResponse createService(RequestContext context, CreateServiceRequest request) {
        String name = request.serviceName();
        if (name == null || name.isEmpty()) {
            throw EcsErrors.invalidParameter("serviceName can not be blank.");
        }
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Service name must be 1-255 characters long and contain only letters, "
                    + "numbers, hyphens and underscores.");
        }
        if (request.taskDefinition() == null || request.taskDefinition().isEmpty()) {
            throw EcsErrors.invalidParameter("TaskDefinition can not be blank.");
        }
        String strategy = request.schedulingStrategy() == null ? "REPLICA" : request.schedulingStrategy();
        if (!strategy.equals("REPLICA")) {
            if (!strategy.equals("DAEMON")) {
                throw EcsErrors.invalidParameter("schedulingStrategy must be one of REPLICA, DAEMON.");
            }
            throw EcsErrors.invalidParameter("The DAEMON scheduling strategy is not supported with the FARGATE launch type.");
        }
        int desired = request.desiredCount() == null ? 0 : request.desiredCount();
        requireDesiredCount(desired);
        requireController(request.deploymentController());
        requireNoLoadBalancers(request.loadBalancers());
        requireClientToken(request.clientToken());
        StoredService.Deploying deploying = deploying(request.deploymentConfiguration(), null);
        Integer grace = grace(request.healthCheckGracePeriodSeconds(), null);
        String propagateTags = propagateTags(request.propagateTags(), "NONE");
        List<Tag> tags = TagRules.POLICY.validate(request.tags());
        String scope = Scope.of(context).key();
        StoredService.Network network = network(context, request.networkConfiguration());
        ServiceResponse response = store.write(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            Optional<StoredService> existing = ServiceRepository.find(documents, scope, cluster.clusterName(), name);
            if (existing.isPresent() && !"INACTIVE".equals(existing.get().status())) {
                if (request.clientToken() != null && request.clientToken().equals(existing.get().clientToken())) {
                    return new ServiceResponse(view(documents, scope, existing.get(), true));
                }
                throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
            }
            StoredTaskDefinition registered = TaskDefinitions.resolve(documents, context, request.taskDefinition())
                    .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
            RunTaskRequest launch = launchRequest(cluster.clusterName(), registered.taskDefinition().taskDefinitionArn(),
                    request.launchType(), request.capacityProviderStrategy(), request.platformVersion(), network,
                    null, null, propagateTags, Boolean.TRUE.equals(request.enableECSManagedTags()),
                    Boolean.TRUE.equals(request.enableExecuteCommand()), List.of());
            TaskLaunch.validate(launch, registered.taskDefinition());
            TaskLaunch.placements(launch, cluster, 1);
            ServiceDeployment deployment = ServiceDeployment.started(deploymentId(),
                    registered.taskDefinition().taskDefinitionArn(), context.receivedAt());
            StoredService service = new StoredService(EcsArns.of(context, "service/" + cluster.clusterName()
                    + "/" + name), name, cluster.clusterArn(), "ACTIVE", desired, deploying, grace, strategy,
                    propagateTags, Boolean.TRUE.equals(request.enableECSManagedTags()),
                    Boolean.TRUE.equals(request.enableExecuteCommand()), tags, context.receivedAt(),
                    context.principal().arn(), List.of(new StoredService.StoredDeployment(deployment, network,
                    request.launchType(), request.capacityProviderStrategy(),
                    platformVersion(request.platformVersion()), context.receivedAt())), List.of(),
                    SchedulerMemory.empty(), request.clientToken(), 0);
            return new ServiceResponse(view(documents, scope, ServiceRepository.save(documents, scope, service), true));
        });
        changed.run();
        return response;
    }

    public ServiceResponse updateService(RequestContext context, UpdateServiceRequest request) {
        if (request.service() == null || request.service().isEmpty()) {
            throw EcsErrors.invalidParameter("service can not be blank.");
        }
        if (request.desiredCount() != null) {
            requireDesiredCount(request.desiredCount());
        }
        requireNoLoadBalancers(request.loadBalancers());
        String scope = Scope.of(context).key();
        StoredService.Network givenNetwork = request.networkConfiguration() == null ? null
                : network(context, request.networkConfiguration());
        ServiceResponse response = store.write(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            StoredService service = activeService(documents, context, cluster, request.service());
            StoredService.StoredDeployment primary = service.primary();
            String definitionArn = primary.deployment().taskDefinitionArn();
            TaskDefinition definition = null;
            if (request.taskDefinition() != null && !request.taskDefinition().isEmpty()) {
                definition = TaskDefinitions.resolve(documents, context, request.taskDefinition())
                        .orElseThrow(() -> EcsErrors.client("TaskDefinition not found.")).taskDefinition();
                definitionArn = definition.taskDefinitionArn();
            }
            StoredService.Network network = givenNetwork == null ? primary.network() : givenNetwork;
            List<CapacityProviderStrategyItem> capacity = request.capacityProviderStrategy() == null
                    ? primary.capacityProviderStrategy() : request.capacityProviderStrategy();
            // A capacity provider strategy replaces the launch type.
            String launchType = request.capacityProviderStrategy() == null ? primary.launchType() : null;
            String platform = request.platformVersion() == null ? primary.platformVersion()
                    : platformVersion(request.platformVersion());
            boolean redeploy = Boolean.TRUE.equals(request.forceNewDeployment())
                    || !definitionArn.equals(primary.deployment().taskDefinitionArn())
                    || !Objects.equals(network, primary.network())
                    || !Objects.equals(capacity, primary.capacityProviderStrategy())
                    || !Objects.equals(platform, primary.platformVersion());
            String propagateTags = propagateTags(request.propagateTags(), service.propagateTags());
            boolean managedTags = request.enableECSManagedTags() == null ? service.enableECSManagedTags()
                    : request.enableECSManagedTags();
            boolean executeCommand = request.enableExecuteCommand() == null ? service.enableExecuteCommand()
                    : request.enableExecuteCommand();
            List<StoredService.StoredDeployment> deployments = service.deployments();
            if (redeploy) {
                TaskDefinition checked = definition != null ? definition : TaskDefinitions.resolve(documents, context,
                        definitionArn).orElseThrow(() -> EcsErrors.client("TaskDefinition not found.")).taskDefinition();
                RunTaskRequest launch = launchRequest(cluster.clusterName(), definitionArn,
                        launchType, capacity, platform, network,
                        null, null, propagateTags, managedTags, executeCommand, List.of());
                TaskLaunch.validate(launch, checked);
                TaskLaunch.placements(launch, cluster, 1);
                deployments = new ArrayList<>();
                for (StoredService.StoredDeployment d : service.deployments()) {
                    ServiceDeployment old = d.deployment();
                    deployments.add(d.as(new ServiceDeployment(old.id(), DeploymentStatus.ACTIVE,
                            old.taskDefinitionArn(), old.rolloutState(), old.rolloutStateReason(), old.failedTasks(),
                            old.createdAt()), context.receivedAt()));
                }
                deployments.addFirst(new StoredService.StoredDeployment(ServiceDeployment.started(deploymentId(),
                        definitionArn, context.receivedAt()), network, launchType, capacity, platform,
                        context.receivedAt()));
            }
            StoredService updated = service.with(service.status(),
                    request.desiredCount() == null ? service.desiredCount() : request.desiredCount(),
                    deploying(request.deploymentConfiguration(), service.deploying()),
                    grace(request.healthCheckGracePeriodSeconds(), service.healthCheckGracePeriodSeconds()),
                    propagateTags, managedTags, executeCommand, deployments);
            return new ServiceResponse(view(documents, scope, ServiceRepository.save(documents, scope, updated), false));
        });
        changed.run();
        return response;
    }

    public ServiceResponse deleteService(RequestContext context, DeleteServiceRequest request) {
        if (request.service() == null || request.service().isEmpty()) {
            throw EcsErrors.invalidParameter("service can not be blank.");
        }
        String scope = Scope.of(context).key();
        ServiceResponse response = store.write(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            StoredService service = activeService(documents, context, cluster, request.service());
            if (service.desiredCount() > 0 && !Boolean.TRUE.equals(request.force())) {
                throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
            }
            StoredService draining = service.with("DRAINING", 0, service.deploying(),
                    service.healthCheckGracePeriodSeconds(), service.propagateTags(), service.enableECSManagedTags(),
                    service.enableExecuteCommand(), service.deployments());
            return new ServiceResponse(view(documents, scope, ServiceRepository.save(documents, scope, draining), false));
        });
        changed.run();
        return response;
    }

    public DescribeServicesResponse describeServices(RequestContext context, DescribeServicesRequest request) {
        List<String> refs = request.services() == null ? List.of() : request.services();
        if (refs.isEmpty()) {
            throw EcsErrors.invalidParameter("Services cannot be empty.");
        }
        if (refs.size() > 10) {
            throw EcsErrors.invalidParameter("Services cannot have more than 10 elements.");
        }
        boolean withTags = request.include() != null && request.include().contains("TAGS");
        String scope = Scope.of(context).key();
        return store.read(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            List<Service> services = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String ref : refs) {
                Optional<StoredService> found = find(documents, context, cluster, ref);
                if (found.isPresent()) {
                    services.add(view(documents, scope, found.get(), withTags));
                } else {
                    failures.add(new Failure(ref.startsWith("arn:") ? ref
                            : EcsArns.of(context, "service/" + cluster.clusterName() + "/" + ref), "MISSING", null));
                }
            }
            return new DescribeServicesResponse(services, failures);
        });
    }

    public ListServicesResponse listServices(RequestContext context, ListServicesRequest request) {
        int limit = Pagination.maxResults(request.maxResults(), 10);
        if (request.launchType() != null && !Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")
                .contains(request.launchType())) {
            throw EcsErrors.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
        }
        if (request.schedulingStrategy() != null && !Set.of("REPLICA", "DAEMON").contains(request.schedulingStrategy())) {
            throw EcsErrors.invalidParameter("schedulingStrategy must be one of REPLICA, DAEMON.");
        }
        String scope = Scope.of(context).key();
        PageTokens.Page<StoredService> page = store.read(documents -> {
            Cluster cluster = Clusters.active(documents, context, request.cluster());
            return Pagination.TOKENS.page(request.nextToken(), limit,
                    (after, size) -> ServiceRepository.page(documents, scope, cluster.clusterName(), after, size),
                    s -> !"INACTIVE".equals(s.status())
                            && (request.launchType() == null || request.launchType().equals(s.primary().launchType()))
                            && (request.schedulingStrategy() == null
                            || request.schedulingStrategy().equals(s.schedulingStrategy())),
                    StoredService::serviceName);
        });
        return new ListServicesResponse(page.items().stream().map(StoredService::serviceArn).toList(), page.nextToken());
    }

    /** Berth has no Cloud Map namespaces, so none has services. */
    public ListServicesResponse listServicesByNamespace(RequestContext context, ListServicesByNamespaceRequest request) {
        if (request.namespace() == null || request.namespace().isEmpty()) {
            throw EcsErrors.invalidParameter("namespace can not be blank.");
        }
        Pagination.maxResults(request.maxResults(), 10);
        Pagination.TOKENS.decode(request.nextToken());
        return new ListServicesResponse(List.of(), null);
    }

    /** The launch a service's task makes, as RunTask would be asked for it. */
    static RunTaskRequest launchRequest(String cluster, String taskDefinitionArn, String launchType,
                                        List<CapacityProviderStrategyItem> capacity, String platformVersion,
                                        StoredService.Network network, String group, String startedBy,
                                        String propagateTags, boolean managedTags, boolean executeCommand,
                                        List<Tag> tags) {
        NetworkConfiguration networkConfiguration = network == null ? null : new NetworkConfiguration(
                new AwsVpcConfiguration(network.subnets().stream().map(StoredService.Subnet::subnetId).toList(),
                        network.securityGroups(), network.assignPublicIp()));
        return new RunTaskRequest(launchType != null ? null : capacity, cluster, 1, managedTags, executeCommand, group,
                launchType, networkConfiguration, null, null, null, platformVersion,
                "SERVICE".equals(propagateTags) ? null : propagateTags, null, startedBy, tags, taskDefinitionArn, null);
    }

    /** An ACTIVE service of the cluster, or ECS's error for one missing or being deleted. */
    private static StoredService activeService(Documents documents, RequestContext context, Cluster cluster, String ref) {
        StoredService service = find(documents, context, cluster, ref).orElseThrow(Services::serviceNotFound);
        if (!service.active()) {
            throw new AwsException("ServiceNotActiveException", 400, "Service was not ACTIVE.");
        }
        return service;
    }

    static AwsException serviceNotFound() {
        return new AwsException("ServiceNotFoundException", 400, "Service not found.");
    }

    /** A service named by name or ARN within a cluster. */
    private static Optional<StoredService> find(Documents documents, RequestContext context, Cluster cluster, String ref) {
        String name = ref;
        if (ref.startsWith("arn:")) {
            Optional<Arn> arn = EcsArns.parse(ref)
                    .filter(a -> a.resourceType().equals("service") && EcsArns.local(a, context));
            if (arn.isEmpty()) {
                return Optional.empty();
            }
            String path = arn.get().resourceId();
            int slash = path.indexOf('/');
            if (slash < 0) {
                name = path; // the short ARN format, without the cluster
            } else {
                if (!path.substring(0, slash).equals(cluster.clusterName())) {
                    return Optional.empty();
                }
                name = path.substring(slash + 1);
            }
        }
        return ServiceRepository.find(documents, Scope.of(context).key(), cluster.clusterName(), name);
    }

    /** The service as DescribeServices shows it, with counts from its tasks as they are now. */
    private static Service view(Documents documents, String scope, StoredService service, boolean withTags) {
        String group = "service:" + service.serviceName();
        List<Task> tasks = TaskRepository.page(documents, scope, service.clusterName(), null, Integer.MAX_VALUE).stream()
                .map(StoredTask::task).filter(t -> group.equals(t.group()) && "RUNNING".equals(t.desiredStatus()))
                .toList();
        List<Deployment> deployments = new ArrayList<>();
        int running = 0;
        int pending = 0;
        for (StoredService.StoredDeployment stored : service.deployments()) {
            ServiceDeployment d = stored.deployment();
            List<Task> own = tasks.stream().filter(t -> d.id().equals(t.startedBy())).toList();
            int ownRunning = (int) own.stream().filter(t -> "RUNNING".equals(t.lastStatus())).count();
            int ownPending = (int) own.stream().filter(t -> pending(t.lastStatus())).count();
            running += ownRunning;
            pending += ownPending;
            boolean primary = d.status() == DeploymentStatus.PRIMARY;
            deployments.add(new Deployment(d.id(), d.status().name(), d.taskDefinitionArn(),
                    primary ? service.desiredCount() : ownRunning + ownPending, ownPending, ownRunning, d.failedTasks(),
                    d.createdAt(), stored.updatedAt(), stored.capacityProviderStrategy(), stored.launchType(),
                    stored.platformVersion(), "Linux", networkConfiguration(stored.network()), d.rolloutState().name(),
                    d.rolloutStateReason()));
        }
        StoredService.StoredDeployment primary = service.primary();
        StoredService.Deploying deploying = service.deploying();
        DeploymentCircuitBreaker breaker = deploying.circuitBreakerEnable() == null ? null
                : new DeploymentCircuitBreaker(deploying.circuitBreakerEnable(), deploying.circuitBreakerRollback());
        List<ServiceEvent> events = service.events().stream()
                .map(e -> new ServiceEvent(e.id(), e.createdAt(), e.message())).toList();
        return new Service(service.serviceArn(), service.serviceName(), service.clusterArn(), List.of(),
                service.status(), service.desiredCount(), running, pending, primary.launchType(),
                primary.capacityProviderStrategy(), primary.platformVersion(), "Linux",
                primary.deployment().taskDefinitionArn(),
                new DeploymentConfiguration(breaker, deploying.maximumPercent(), deploying.minimumHealthyPercent()),
                deployments, null, events, service.createdAt(), List.of(), List.of(),
                networkConfiguration(primary.network()), service.healthCheckGracePeriodSeconds(),
                service.schedulingStrategy(), new DeploymentController("ECS"), withTags ? service.tags() : null,
                service.createdBy(), service.enableECSManagedTags(), service.propagateTags(),
                service.enableExecuteCommand());
    }

    private static boolean pending(String lastStatus) {
        return switch (TaskStatus.valueOf(lastStatus)) {
            case PROVISIONING, PENDING, ACTIVATING -> true;
            default -> false;
        };
    }

    private static NetworkConfiguration networkConfiguration(StoredService.Network network) {
        return network == null ? null : new NetworkConfiguration(new AwsVpcConfiguration(
                network.subnets().stream().map(StoredService.Subnet::subnetId).toList(), network.securityGroups(),
                network.assignPublicIp() == null ? "DISABLED" : network.assignPublicIp()));
    }

    /** The awsvpc configuration checked as RunTask checks it, each subnet with its zone; null without one. */
    private StoredService.Network network(RequestContext context, NetworkConfiguration configuration) {
        if (configuration == null || configuration.awsvpcConfiguration() == null) {
            return null;
        }
        AwsVpcConfiguration awsvpc = configuration.awsvpcConfiguration();
        TaskLaunch.validate(awsvpc);
        List<String> groups = awsvpc.securityGroups() == null ? List.of() : awsvpc.securityGroups();
        networks.resolveForTask(context.accountId(), context.region(), awsvpc.subnets(), groups);
        List<StoredService.Subnet> subnets = new ArrayList<>();
        for (String subnetId : awsvpc.subnets().stream().distinct().toList()) {
            ResolvedNetwork resolved = networks.resolveForTask(context.accountId(), context.region(), List.of(subnetId),
                    groups);
            subnets.add(new StoredService.Subnet(subnetId, resolved.availabilityZone()));
        }
        return new StoredService.Network(subnets, groups, awsvpc.assignPublicIp());
    }

    private static void requireDesiredCount(int desired) {
        if (desired < 0) {
            throw EcsErrors.invalidParameter("Desired count must be greater than or equal to 0.");
        }
    }

    private static void requireController(DeploymentController controller) {
        if (controller != null && controller.type() != null && !controller.type().equals("ECS")) {
            if (!Set.of("CODE_DEPLOY", "EXTERNAL").contains(controller.type())) {
                throw EcsErrors.invalidParameter("deploymentController.type must be one of ECS, CODE_DEPLOY, EXTERNAL.");
            }
            throw EcsErrors.invalidParameter("Berth supports the ECS deployment controller only.");
        }
    }

    private static void requireNoLoadBalancers(List<LoadBalancer> loadBalancers) {
        if (loadBalancers == null || loadBalancers.isEmpty()) {
            return;
        }
        for (LoadBalancer balancer : loadBalancers) {
            if (balancer.loadBalancerName() != null) {
                throw EcsErrors.invalidParameter("Classic Load Balancers are not supported with Fargate.");
            }
        }
        throw EcsErrors.invalidParameter(TARGET_GROUP_NOT_FOUND);
    }

    private static void requireClientToken(String token) {
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw EcsErrors.invalidParameter("clientToken must be between 1 and 36 characters.");
        }
    }

    /** The deployment configuration given, its unset parts from {@code current} (ECS's defaults for a new service). */
    private static StoredService.Deploying deploying(DeploymentConfiguration given, StoredService.Deploying current) {
        int minimum = current == null ? DEFAULT_MINIMUM_HEALTHY_PERCENT : current.minimumHealthyPercent();
        int maximum = current == null ? DEFAULT_MAXIMUM_PERCENT : current.maximumPercent();
        Boolean enable = current == null ? null : current.circuitBreakerEnable();
        Boolean rollback = current == null ? null : current.circuitBreakerRollback();
        if (given != null) {
            minimum = given.minimumHealthyPercent() == null ? minimum : given.minimumHealthyPercent();
            maximum = given.maximumPercent() == null ? maximum : given.maximumPercent();
            if (given.deploymentCircuitBreaker() != null) {
                enable = Boolean.TRUE.equals(given.deploymentCircuitBreaker().enable());
                rollback = Boolean.TRUE.equals(given.deploymentCircuitBreaker().rollback());
            }
        }
        if (minimum < 0 || minimum > 100) {
            throw EcsErrors.invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (maximum < 100) {
            throw EcsErrors.invalidParameter("maximumPercent must be greater than or equal to 100.");
        }
        return new StoredService.Deploying(minimum, maximum, enable, rollback);
    }

    private static Integer grace(Integer given, Integer current) {
        if (given == null) {
            return current;
        }
        if (given < 0 || given > 2_147_483_647) {
            throw EcsErrors.invalidParameter("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        }
        return given;
    }

    private static String propagateTags(String given, String current) {
        if (given == null) {
            return current;
        }
        if (!Set.of("TASK_DEFINITION", "SERVICE", "NONE").contains(given)) {
            throw EcsErrors.invalidParameter("propagateTags must be one of TASK_DEFINITION, SERVICE, NONE.");
        }
        return given;
    }

    private static String platformVersion(String given) {
        return given == null ? "LATEST" : given;
    }

    /** ECS's deployment ids: {@code ecs-svc/} and 19 digits. */
    private static String deploymentId() {
        StringBuilder id = new StringBuilder("ecs-svc/").append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < 19; i++) {
            id.append(RANDOM.nextInt(10));
        }
        return id.toString();
    }
}
