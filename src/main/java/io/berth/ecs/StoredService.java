package io.berth.ecs;

import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Tag;
import io.berth.ecs.scheduler.DeploymentStatus;
import io.berth.ecs.scheduler.SchedulerMemory;
import io.berth.ecs.scheduler.ServiceDeployment;
import io.berth.kit.Arn;

import java.time.Instant;
import java.util.List;

/**
 * A service as stored: what it asks for (the desired count, how to deploy, its tags), its
 * deployments with the launch parameters each keeps (a new deployment takes the service's network
 * and platform as they are when it starts), its events newest first, what the scheduler remembers
 * between rounds, the client token it was created with, and its revision (how many times it was
 * written, so the scheduler can tell whether UpdateService wrote it since it planned). Its status is
 * ACTIVE, DRAINING once deleted while tasks remain, INACTIVE once they are all stopped.
 */
public record StoredService(String serviceArn, String serviceName, String clusterArn, String status, int desiredCount,
                            Deploying deploying, Integer healthCheckGracePeriodSeconds, String schedulingStrategy,
                            String propagateTags, boolean enableECSManagedTags, boolean enableExecuteCommand,
                            List<Tag> tags, Instant createdAt, String createdBy, List<StoredDeployment> deployments,
                            List<StoredEvent> events, SchedulerMemory memory, String clientToken, long revision) {

    /** ECS keeps this many events per service, the newest. */
    static final int EVENTS_KEPT = 100;

    public StoredService {
        tags = tags == null ? List.of() : List.copyOf(tags);
        deployments = List.copyOf(deployments);
        events = List.copyOf(events);
    }

    /**
     * {@code deploymentConfiguration}: the healthy floor and the ceiling in percent of the desired
     * count, and the circuit breaker (null when not given).
     */
    public record Deploying(int minimumHealthyPercent, int maximumPercent, Boolean circuitBreakerEnable,
                            Boolean circuitBreakerRollback) {
    }

    /** A subnet of the service's network and the zone it is in, as resolved when it was given. */
    public record Subnet(String subnetId, String availabilityZone) {
    }

    /** An awsvpc configuration with its subnets' zones. */
    public record Network(List<Subnet> subnets, List<String> securityGroups, String assignPublicIp) {

        public Network {
            subnets = List.copyOf(subnets);
            securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        }
    }

    /** A deployment and what its tasks are launched with. */
    public record StoredDeployment(ServiceDeployment deployment, Network network, String launchType,
                                   List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion,
                                   Instant updatedAt) {

        StoredDeployment as(ServiceDeployment changed, Instant now) {
            return new StoredDeployment(changed, network, launchType, capacityProviderStrategy, platformVersion,
                    changed.equals(deployment) ? updatedAt : now);
        }
    }

    /** A service event as DescribeServices lists it. */
    public record StoredEvent(String id, Instant createdAt, String message) {
    }

    public String clusterName() {
        return clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
    }

    public String accountId() {
        return Arn.parse(serviceArn).orElseThrow().accountId();
    }

    public String region() {
        return Arn.parse(serviceArn).orElseThrow().region();
    }

    public StoredDeployment primary() {
        return deployments.stream().filter(d -> d.deployment().status() == DeploymentStatus.PRIMARY).findFirst()
                .orElseThrow();
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    StoredService with(String newStatus, int count, Deploying newDeploying, Integer grace, String newPropagateTags,
                       boolean managedTags, boolean executeCommand, List<StoredDeployment> newDeployments) {
        return new StoredService(serviceArn, serviceName, clusterArn, newStatus, count, newDeploying, grace,
                schedulingStrategy, newPropagateTags, managedTags, executeCommand, tags, createdAt, createdBy,
                newDeployments, events, memory, clientToken, revision);
    }

    StoredService withTags(List<Tag> changed) {
        return new StoredService(serviceArn, serviceName, clusterArn, status, desiredCount, deploying,
                healthCheckGracePeriodSeconds, schedulingStrategy, propagateTags, enableECSManagedTags,
                enableExecuteCommand, changed, createdAt, createdBy, deployments, events, memory, clientToken, revision);
    }

    StoredService planned(String newStatus, List<StoredDeployment> newDeployments, List<StoredEvent> newEvents,
                          SchedulerMemory newMemory) {
        return new StoredService(serviceArn, serviceName, clusterArn, newStatus, desiredCount, deploying,
                healthCheckGracePeriodSeconds, schedulingStrategy, propagateTags, enableECSManagedTags,
                enableExecuteCommand, tags, createdAt, createdBy, newDeployments, newEvents, newMemory, clientToken,
                revision);
    }

    StoredService nextRevision() {
        return new StoredService(serviceArn, serviceName, clusterArn, status, desiredCount, deploying,
                healthCheckGracePeriodSeconds, schedulingStrategy, propagateTags, enableECSManagedTags,
                enableExecuteCommand, tags, createdAt, createdBy, deployments, events, memory, clientToken, revision + 1);
    }
}
