package io.berth.ecs.scheduler;

import java.time.Duration;
import java.util.List;

/**
 * What a service asks for, as the planner needs it: the desired count, the deployment configuration,
 * the subnets its tasks go into (in the order the user gave them, which breaks ties between zones),
 * the target groups its tasks join, the grace period during which failing health checks are ignored,
 * and its deployments (exactly one PRIMARY; INACTIVE ones are not passed).
 */
public record ServiceSpec(String serviceName, int desiredCount, int minimumHealthyPercent, int maximumPercent,
                          CircuitBreaker circuitBreaker, List<Subnet> subnets, List<TargetGroupBinding> loadBalancers,
                          Duration healthCheckGracePeriod, List<ServiceDeployment> deployments) {

    /** ECS's floor and ceiling for the deployment circuit breaker's failure threshold. */
    static final int MIN_FAILURE_THRESHOLD = 3;
    static final int MAX_FAILURE_THRESHOLD = 200;

    public ServiceSpec {
        subnets = List.copyOf(subnets);
        loadBalancers = List.copyOf(loadBalancers);
        deployments = List.copyOf(deployments);
        healthCheckGracePeriod = healthCheckGracePeriod == null ? Duration.ZERO : healthCheckGracePeriod;
        circuitBreaker = circuitBreaker == null ? CircuitBreaker.DISABLED : circuitBreaker;
        if (deployments.stream().filter(d -> d.status() == DeploymentStatus.PRIMARY).count() != 1) {
            throw new IllegalArgumentException("service " + serviceName + " needs exactly one PRIMARY deployment");
        }
    }

    /** The healthy tasks a deployment keeps: desiredCount × minimumHealthyPercent, rounded up. */
    public int minimumHealthyTasks() {
        return Math.ceilDiv(desiredCount * minimumHealthyPercent, 100);
    }

    /** The RUNNING and PENDING tasks a deployment may have: desiredCount × maximumPercent, rounded down. */
    public int maximumTasks() {
        return desiredCount * maximumPercent / 100;
    }

    /**
     * The circuit breaker's failure threshold: half the desired count rounded up, at least 3 and at
     * most 200 (a desired count of 25 gives 13).
     */
    public int failureThreshold() {
        return Math.clamp(Math.ceilDiv(desiredCount, 2), MIN_FAILURE_THRESHOLD, MAX_FAILURE_THRESHOLD);
    }

    public ServiceDeployment primary() {
        return deployments.stream().filter(d -> d.status() == DeploymentStatus.PRIMARY).findFirst().orElseThrow();
    }

    /** A subnet the service's tasks may go into, and the zone it is in. */
    public record Subnet(String subnetId, String availabilityZone) {
    }

    /** A {@code loadBalancers} entry: the tasks' container port joins this target group. */
    public record TargetGroupBinding(String targetGroupArn, String containerName, int containerPort) {
    }

    /** {@code deploymentCircuitBreaker}: whether failed launches fail a deployment, and whether it then rolls back. */
    public record CircuitBreaker(boolean enable, boolean rollback) {
        public static final CircuitBreaker DISABLED = new CircuitBreaker(false, false);
    }
}
