package io.berth.ecs;

import io.berth.ec2.Networks;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.Task;
import io.berth.ecs.model.TaskDefinition;
import io.berth.ecs.scheduler.ObservedTask;
import io.berth.ecs.scheduler.Plan;
import io.berth.ecs.scheduler.SchedulerAction;
import io.berth.ecs.scheduler.ServiceDeployment;
import io.berth.ecs.scheduler.ServiceSpec;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The services of every account and region as the service scheduler reads and writes them: each
 * service with its tasks as the planner sees them, the plans' results, and the task launches and
 * stops that carry them out (through the same launch as RunTask and the same stop as StopTask).
 */
public final class ServiceRecords {

    private final Store store;
    private final Networks networks;
    private final IdGenerator ids;

    public ServiceRecords(Store store, Networks networks, IdGenerator ids) {
        this.store = store;
        this.networks = networks;
        this.ids = ids;
    }

    /** A service: its account and region, its cluster and its name. */
    public record Key(String scope, String cluster, String name) {
    }

    /** A service as read, what it asks of the planner, and its tasks (those of earlier deployments included). */
    public record Snapshot(StoredService service, ServiceSpec spec, List<ObservedTask> tasks) {

        /** A deleted service is done once none of its tasks holds anything. */
        public boolean drained() {
            return "DRAINING".equals(service.status())
                    && tasks.stream().allMatch(t -> t.lastStatus() == TaskStatus.STOPPED);
        }
    }

    /** Every service not yet INACTIVE. */
    public List<Key> unsettled() {
        return store.read(documents -> {
            List<Key> keys = new ArrayList<>();
            for (Documents.ScopedDocument document : documents.scan(ServiceRepository.KIND)) {
                StoredService service = ServiceRepository.read(document.body());
                if (!"INACTIVE".equals(service.status())) {
                    keys.add(new Key(document.scope(), service.clusterName(), service.serviceName()));
                }
            }
            return keys;
        });
    }

    public Optional<Snapshot> snapshot(Key key) {
        return store.read(documents -> ServiceRepository.find(documents, key.scope(), key.cluster(), key.name())
                .filter(s -> !"INACTIVE".equals(s.status()))
                .map(service -> {
                    String group = "service:" + service.serviceName();
                    List<ObservedTask> tasks = TaskRepository.page(documents, key.scope(), key.cluster(), null,
                                    Integer.MAX_VALUE).stream()
                            .filter(t -> group.equals(t.task().group()))
                            .map(ServiceRecords::observed).toList();
                    return new Snapshot(service, spec(service), tasks);
                }));
    }

    /**
     * Stores a plan's deployments, events and memory, and INACTIVE for a drained service, in one
     * write, unless the service was written since it was read (then the plan is stale and nothing is
     * stored). Answers whether the plan stands.
     */
    public boolean record(Snapshot read, Plan plan, Instant now) {
        StoredService service = read.service();
        List<StoredService.StoredDeployment> deployments = new ArrayList<>();
        for (ServiceDeployment planned : plan.deployments()) {
            service.deployments().stream().filter(d -> d.deployment().id().equals(planned.id())).findFirst()
                    .ifPresent(d -> deployments.add(d.as(planned, now)));
        }
        List<StoredService.StoredEvent> events = new ArrayList<>();
        for (String message : plan.events().reversed()) {
            events.add(new StoredService.StoredEvent(UUID.randomUUID().toString(), now, message));
        }
        events.addAll(service.events());
        List<StoredService.StoredEvent> kept = events.subList(0, Math.min(events.size(), StoredService.EVENTS_KEPT));
        String status = read.drained() ? "INACTIVE" : service.status();
        StoredService next = service.planned(status, deployments, kept, plan.memory());
        if (next.equals(service)) {
            return true;
        }
        String scope = scope(service);
        return store.write(documents -> {
            Optional<StoredService> current = ServiceRepository.find(documents, scope, service.clusterName(),
                    service.serviceName());
            if (current.isEmpty() || current.get().revision() != service.revision()) {
                return false;
            }
            ServiceRepository.save(documents, scope, next);
            return true;
        });
    }

    /** Stops the task as ECS's scheduler does, through the task lifecycle's stop request. */
    public void stop(StoredService service, SchedulerAction.StopTask stop, Instant now) {
        String scope = scope(service);
        store.write(documents -> {
            TaskRepository.find(documents, scope, service.clusterName(), stop.taskId()).ifPresent(task -> {
                StoredTask stopping = TaskLifecycle.stopRequested(task, stop.stopCode(), stop.reason(), now);
                if (stopping != task) {
                    TaskRepository.save(documents, scope, stopping);
                }
            });
            return null;
        });
    }

    /**
     * Launches the task a plan starts as RunTask launches one, with the plan's id, {@code startedBy}
     * the deployment, {@code group} the service, in the plan's subnet, with the deployment's network.
     */
    public void launch(StoredService service, SchedulerAction.StartTask start, Instant now) {
        StoredService.StoredDeployment deployment = service.deployments().stream()
                .filter(d -> d.deployment().id().equals(start.deploymentId())).findFirst().orElse(null);
        if (deployment == null) {
            return;
        }
        RequestContext context = new RequestContext("service-scheduler",
                Principal.root(service.accountId(), null), service.region(), now, null);
        StoredService.Network configured = deployment.network();
        ResolvedNetwork network = null;
        StoredService.Network placed = null;
        if (configured != null) {
            String subnet = start.subnetId() != null ? start.subnetId() : configured.subnets().getFirst().subnetId();
            network = networks.resolveForTask(service.accountId(), service.region(), List.of(subnet),
                    configured.securityGroups());
            placed = new StoredService.Network(List.of(new StoredService.Subnet(subnet, network.availabilityZone())),
                    configured.securityGroups(), configured.assignPublicIp());
        }
        ResolvedNetwork resolved = network;
        RunTaskRequest request = Services.launchRequest(service.clusterName(), start.taskDefinitionArn(),
                deployment.launchType(), deployment.capacityProviderStrategy(), deployment.platformVersion(), placed,
                start.group(), start.deploymentId(), service.propagateTags(), service.enableECSManagedTags(),
                service.enableExecuteCommand(), "SERVICE".equals(service.propagateTags()) ? service.tags() : List.of());
        store.write(documents -> {
            if (TaskRepository.find(documents, scope(service), service.clusterName(), start.taskId()).isPresent()) {
                return null; // launched already, by a round repeated after a crash
            }
            Cluster cluster = Clusters.active(documents, context, service.clusterName());
            StoredTaskDefinition registered = TaskDefinitions.resolve(documents, context, start.taskDefinitionArn())
                    .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
            TaskDefinition definition = registered.taskDefinition();
            TaskLaunch.Placement placement = TaskLaunch.placements(request, cluster, 1).getFirst();
            List<Tag> tags = new ArrayList<>(TaskLaunch.tags(request, registered.tags(), cluster.clusterName()));
            if (service.enableECSManagedTags()) {
                tags.add(new Tag("aws:ecs:serviceName", service.serviceName()));
            }
            Tasks.launch(documents, context, cluster, definition, TaskLaunch.applyOverrides(definition, null), request,
                    placement, tags, ids, resolved, start.taskId());
            return null;
        });
    }

    private static String scope(StoredService service) {
        return new Scope(service.accountId(), service.region()).key();
    }

    /** What the planner needs of a service; a deleted one wants no tasks. */
    private static ServiceSpec spec(StoredService service) {
        StoredService.Deploying deploying = service.deploying();
        StoredService.Network network = service.primary().network();
        List<ServiceSpec.Subnet> subnets = network == null ? List.of() : network.subnets().stream()
                .map(s -> new ServiceSpec.Subnet(s.subnetId(), s.availabilityZone())).toList();
        return new ServiceSpec(service.serviceName(), service.active() ? service.desiredCount() : 0,
                deploying.minimumHealthyPercent(), deploying.maximumPercent(),
                new ServiceSpec.CircuitBreaker(Boolean.TRUE.equals(deploying.circuitBreakerEnable()),
                        Boolean.TRUE.equals(deploying.circuitBreakerRollback())),
                subnets, List.of(), Duration.ofSeconds(service.healthCheckGracePeriodSeconds() == null ? 0
                : service.healthCheckGracePeriodSeconds()),
                service.deployments().stream().map(StoredService.StoredDeployment::deployment).toList());
    }

    /**
     * A task as the planner sees it; a container reports a health status only when it has a health
     * check. Its protection goes as stored: the planner tells a lapsed one by the time.
     */
    private static ObservedTask observed(StoredTask stored) {
        Task task = stored.task();
        Map<String, String> eni = TaskAttachments.eni(task.attachments()).map(ServiceRecords::details).orElse(Map.of());
        boolean healthChecked = task.containers().stream().anyMatch(c -> c.healthStatus() != null);
        return new ObservedTask(TaskIds.id(task.taskArn()), task.startedBy(), eni.get("subnetId"),
                task.availabilityZone(), eni.get("privateIPv4Address"), TaskStatus.valueOf(task.lastStatus()),
                task.desiredStatus(), task.stopCode(), task.createdAt(), task.startedAt(), healthChecked,
                task.healthStatus(), Map.of(), stored.protectedUntil());
    }

    private static Map<String, String> details(Attachment attachment) {
        java.util.HashMap<String, String> byName = new java.util.HashMap<>();
        for (KeyValuePair pair : attachment.details() == null ? List.<KeyValuePair>of() : attachment.details()) {
            if (pair.value() != null) {
                byName.put(pair.name(), pair.value());
            }
        }
        return byName;
    }
}
