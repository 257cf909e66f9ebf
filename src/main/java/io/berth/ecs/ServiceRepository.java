package io.berth.ecs;

import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Tag;
import io.berth.ecs.scheduler.DeploymentStatus;
import io.berth.ecs.scheduler.RolloutState;
import io.berth.ecs.scheduler.SchedulerMemory;
import io.berth.ecs.scheduler.ServiceDeployment;
import io.berth.ecs.scheduler.Throttle;
import io.berth.store.Documents;
import io.berth.store.EmbeddedJson;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services in the store, as {@link ServiceDocument}s. Ids are "cluster serviceName", so one
 * cluster's services list by prefix, by name.
 */
final class ServiceRepository {

    static final String KIND = "ecs.service";

    private ServiceRepository() {
    }

    static Optional<StoredService> find(Documents documents, String scope, String cluster, String name) {
        return documents.get(KIND, scope, cluster + " " + name).map(ServiceRepository::read);
    }

    /** Stores the service as its next revision, and returns what was stored. */
    static StoredService save(Documents documents, String scope, StoredService service) {
        StoredService next = service.nextRevision();
        documents.put(KIND, scope, next.clusterName() + " " + next.serviceName(), StoredJson.write(document(next)));
        return next;
    }

    static List<StoredService> page(Documents documents, String scope, String cluster, String afterName, int limit) {
        String after = afterName == null ? null : cluster + " " + afterName;
        return documents.list(new Documents.Query(KIND, scope, cluster + " ", after, limit, false)).stream()
                .map(d -> read(d.body())).toList();
    }

    /** The services of a cluster not yet INACTIVE: those that keep it from being deleted. */
    static long activeIn(Documents documents, String scope, String cluster) {
        return page(documents, scope, cluster, null, Integer.MAX_VALUE).stream()
                .filter(s -> !"INACTIVE".equals(s.status())).count();
    }

    static StoredService read(String json) {
        ServiceDocument d = StoredJson.read(json, ServiceDocument.class);
        ServiceDocument.Memory m = d.memory();
        SchedulerMemory memory = m == null ? SchedulerMemory.empty() : new SchedulerMemory(
                m.countedStops() == null ? Set.of() : Set.copyOf(m.countedStops()),
                m.throttleDeploymentId() == null ? null
                        : new Throttle(m.throttleDeploymentId(), m.consecutiveStartFailures(), m.nextAttemptAt()),
                m.notices() == null ? Map.of() : m.notices());
        return new StoredService(d.serviceArn(), d.serviceName(), d.clusterArn(), d.status(), d.desiredCount(),
                new StoredService.Deploying(d.minimumHealthyPercent(), d.maximumPercent(), d.circuitBreakerEnable(),
                        d.circuitBreakerRollback()),
                d.healthCheckGracePeriodSeconds(), d.schedulingStrategy(), d.propagateTags(), d.enableECSManagedTags(),
                d.enableExecuteCommand(),
                d.tags() == null ? List.of() : d.tags().stream().map(t -> new Tag(t.key(), t.value())).toList(),
                d.createdAt(), d.createdBy(), d.deployments().stream().map(ServiceRepository::deployment).toList(),
                d.events() == null ? List.of() : d.events().stream()
                        .map(e -> new StoredService.StoredEvent(e.id(), e.createdAt(), e.message())).toList(),
                memory, d.clientToken(), d.revision());
    }

    static ServiceDocument document(StoredService s) {
        StoredService.Deploying deploying = s.deploying();
        SchedulerMemory memory = s.memory();
        Throttle throttle = memory.throttle();
        return new ServiceDocument(ServiceDocument.SCHEMA, s.serviceArn(), s.serviceName(), s.clusterArn(), s.status(),
                s.desiredCount(), deploying.minimumHealthyPercent(), deploying.maximumPercent(),
                deploying.circuitBreakerEnable(), deploying.circuitBreakerRollback(), s.healthCheckGracePeriodSeconds(),
                s.schedulingStrategy(), s.propagateTags(), s.enableECSManagedTags(), s.enableExecuteCommand(),
                s.tags().stream().map(t -> new TagDocument(t.key(), t.value())).toList(), s.createdAt(),
                s.createdBy(), s.deployments().stream().map(ServiceRepository::document).toList(),
                s.events().stream().map(e -> new ServiceDocument.Event(e.id(), e.createdAt(), e.message())).toList(),
                new ServiceDocument.Memory(memory.countedStops().stream().sorted().toList(),
                        throttle == null ? null : throttle.deploymentId(),
                        throttle == null ? 0 : throttle.consecutiveStartFailures(),
                        throttle == null ? null : throttle.nextAttemptAt(), memory.notices()),
                s.clientToken(), s.revision());
    }

    private static StoredService.StoredDeployment deployment(ServiceDocument.Deployment d) {
        ServiceDocument.Network n = d.network();
        StoredService.Network network = n == null ? null : new StoredService.Network(
                n.subnets().stream().map(x -> new StoredService.Subnet(x.subnetId(), x.availabilityZone())).toList(),
                n.securityGroups(), n.assignPublicIp());
        return new StoredService.StoredDeployment(new ServiceDeployment(d.id(), DeploymentStatus.valueOf(d.status()),
                d.taskDefinitionArn(), RolloutState.valueOf(d.rolloutState()), d.rolloutStateReason(), d.failedTasks(),
                d.createdAt()), network, d.launchType(),
                EmbeddedJson.read(d.capacityProviderStrategy(), new TypeReference<List<CapacityProviderStrategyItem>>() { }),
                d.platformVersion(), d.updatedAt());
    }

    private static ServiceDocument.Deployment document(StoredService.StoredDeployment stored) {
        ServiceDeployment d = stored.deployment();
        StoredService.Network n = stored.network();
        ServiceDocument.Network network = n == null ? null : new ServiceDocument.Network(
                n.subnets().stream().map(x -> new ServiceDocument.Subnet(x.subnetId(), x.availabilityZone())).toList(),
                n.securityGroups(), n.assignPublicIp());
        return new ServiceDocument.Deployment(d.id(), d.status().name(), d.taskDefinitionArn(), d.rolloutState().name(),
                d.rolloutStateReason(), d.failedTasks(), d.createdAt(), stored.updatedAt(), network,
                stored.launchType(), EmbeddedJson.of(stored.capacityProviderStrategy()), stored.platformVersion());
    }
}
