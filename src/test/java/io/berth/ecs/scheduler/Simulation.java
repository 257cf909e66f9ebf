package io.berth.ecs.scheduler;

import io.berth.ecs.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A fake service and its tasks for the planner: it applies each plan the way the applier and the
 * task lifecycle would, and moves time on in ticks during which every task advances one step
 * (PROVISIONING → PENDING → RUNNING, health checks and target health settle, draining targets
 * finish and stopping tasks stop). Deployments can be told to fail to start or to fail their
 * health checks.
 */
final class Simulation {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration TICK = Duration.ofSeconds(10);
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";

    /** How the service's tasks report health. */
    enum Checks { NONE, CONTAINER, LOAD_BALANCER }

    final ServicePlanner planner = new ServicePlanner(Timings.ECS);
    final String name;
    final Checks checks;
    int desiredCount;
    int minimumHealthyPercent = 100;
    int maximumPercent = 200;
    ServiceSpec.CircuitBreaker circuitBreaker = ServiceSpec.CircuitBreaker.DISABLED;
    Duration grace = Duration.ZERO;
    List<ServiceSpec.Subnet> subnets = List.of(new ServiceSpec.Subnet("subnet-a", "us-east-1a"));
    List<ServiceDeployment> deployments = new ArrayList<>();
    SchedulerMemory memory = SchedulerMemory.empty();
    final Map<String, FakeTask> tasks = new LinkedHashMap<>();
    final Set<String> failingToStart = new HashSet<>();
    final Set<String> failingChecks = new HashSet<>();
    final List<String> events = new ArrayList<>();
    final List<Plan> plans = new ArrayList<>();
    Instant now = T0;
    private int nextId;
    private int nextDeployment;
    private int nextIp = 10;

    Simulation(String name, Checks checks) {
        this.name = name;
        this.checks = checks;
    }

    /** A task as the fake keeps it, moved on by {@link #tick}. */
    static final class FakeTask {
        final String id;
        final String startedBy;
        final String subnetId;
        final String zone;
        final String ip;
        final Instant createdAt;
        TaskStatus status = TaskStatus.PROVISIONING;
        String desired = "RUNNING";
        String stopCode;
        Instant startedAt;
        String health = "UNKNOWN";
        boolean healthChecked;
        Instant protectedUntil;
        final Map<String, RegisteredTarget> targets = new HashMap<>();

        FakeTask(String id, String startedBy, String subnetId, String zone, String ip, Instant createdAt) {
            this.id = id;
            this.startedBy = startedBy;
            this.subnetId = subnetId;
            this.zone = zone;
            this.ip = ip;
            this.createdAt = createdAt;
        }

        ObservedTask observed() {
            return new ObservedTask(id, startedBy, subnetId, zone, ip, status, desired, stopCode, createdAt, startedAt,
                    healthChecked, health, targets, protectedUntil);
        }
    }

    ServiceSpec spec() {
        List<ServiceSpec.TargetGroupBinding> lbs = checks == Checks.LOAD_BALANCER
                ? List.of(new ServiceSpec.TargetGroupBinding(TG, "web", 8080)) : List.of();
        return new ServiceSpec(name, desiredCount, minimumHealthyPercent, maximumPercent, circuitBreaker, subnets, lbs,
                grace, deployments);
    }

    /** CreateService or UpdateService with a new task definition: a new PRIMARY, the old one ACTIVE. */
    String deploy(String taskDefinitionArn) {
        String id = "ecs-svc/" + (1000000000000000000L + ++nextDeployment);
        List<ServiceDeployment> next = new ArrayList<>();
        next.add(ServiceDeployment.started(id, taskDefinitionArn, now));
        deployments.forEach(d -> next.add(d.status() == DeploymentStatus.PRIMARY ? d.withStatus(DeploymentStatus.ACTIVE) : d));
        deployments = next;
        return id;
    }

    ServiceDeployment primary() {
        return deployments.stream().filter(d -> d.status() == DeploymentStatus.PRIMARY).findFirst().orElseThrow();
    }

    List<ObservedTask> snapshot() {
        return tasks.values().stream().map(FakeTask::observed).toList();
    }

    Plan plan() {
        return plan(p -> {
        });
    }

    /** Plans, lets {@code check} look at the plan before anything changed, then applies it. */
    Plan plan(Consumer<Plan> check) {
        Plan plan = planner.plan(spec(), memory, snapshot(), now, () -> String.format("%032x", ++nextId));
        check.accept(plan);
        plans.add(plan);
        events.addAll(plan.events());
        deployments = new ArrayList<>(plan.deployments());
        memory = plan.memory();
        apply(plan);
        return plan;
    }

    private void apply(Plan plan) {
        for (SchedulerAction action : plan.actions()) {
            switch (action) {
                case SchedulerAction.DeregisterTarget d -> {
                    RegisteredTarget t = tasks.get(d.taskId()).targets.get(d.targetGroupArn());
                    tasks.get(d.taskId()).targets.put(d.targetGroupArn(),
                            new RegisteredTarget(t.port(), TargetState.DRAINING, "Target deregistration is in progress"));
                }
                case SchedulerAction.StopTask s -> {
                    FakeTask task = tasks.get(s.taskId());
                    task.desired = "STOPPED";
                    task.stopCode = s.stopCode();
                }
                case SchedulerAction.StartTask s -> {
                    FakeTask task = new FakeTask(s.taskId(), s.deploymentId(), s.subnetId(), s.availabilityZone(),
                            "10.0.0." + nextIp++, now);
                    task.healthChecked = checks == Checks.CONTAINER;
                    tasks.put(task.id, task);
                }
                case SchedulerAction.RegisterTarget r -> tasks.get(r.taskId()).targets.put(r.targetGroupArn(),
                        new RegisteredTarget(r.port(), TargetState.INITIAL, "Target registration is in progress"));
            }
        }
    }

    /** Time moves on by one tick and every task one step. */
    void tick() {
        now = now.plus(TICK);
        for (FakeTask task : tasks.values()) {
            if (task.status == TaskStatus.STOPPED) {
                continue;
            }
            if (!"RUNNING".equals(task.desired)) {
                boolean draining = task.targets.values().stream().anyMatch(t -> t.state() == TargetState.DRAINING);
                task.targets.values().removeIf(t -> t.state() == TargetState.DRAINING);
                if (!draining) {
                    task.status = TaskStatus.STOPPED;
                }
                continue;
            }
            switch (task.status) {
                case PROVISIONING -> task.status = TaskStatus.PENDING;
                case PENDING -> {
                    if (failingToStart.contains(task.startedBy)) {
                        task.status = TaskStatus.STOPPED;
                        task.desired = "STOPPED";
                        task.stopCode = "TaskFailedToStart";
                    } else {
                        task.status = TaskStatus.RUNNING;
                        task.startedAt = now;
                    }
                }
                case RUNNING -> {
                    boolean failing = failingChecks.contains(task.startedBy);
                    if (task.healthChecked) {
                        task.health = failing ? "UNHEALTHY" : "HEALTHY";
                    }
                    task.targets.replaceAll((tg, t) -> t.state() == TargetState.INITIAL || t.state() == TargetState.HEALTHY
                            || t.state() == TargetState.UNHEALTHY
                            ? new RegisteredTarget(t.port(), failing ? TargetState.UNHEALTHY : TargetState.HEALTHY,
                            failing ? "Health checks failed with these codes: [503]" : null)
                            : t);
                }
                default -> {
                }
            }
        }
    }

    /** Plans and ticks until the condition holds after a plan, checking {@code invariant} after every change. */
    int runUntil(Predicate<Simulation> done, int maxRounds, Runnable invariant) {
        for (int round = 1; round <= maxRounds; round++) {
            plan();
            invariant.run();
            if (done.test(this)) {
                return round;
            }
            tick();
            invariant.run();
        }
        throw new AssertionError("not done after " + maxRounds + " rounds; events: " + events + "; deployments: " + deployments);
    }

    int runUntil(Predicate<Simulation> done, int maxRounds) {
        return runUntil(done, maxRounds, () -> {
        });
    }

    /** The service has just written its steady-state event with only its primary deployment, COMPLETED. */
    static boolean steady(Simulation sim) {
        Plan last = sim.plans.getLast();
        return last.events().contains(ServiceEvents.steadyState(sim.name)) && sim.deployments.size() == 1
                && sim.primary().rolloutState() == RolloutState.COMPLETED;
    }

    /** Tasks RUNNING or PENDING (any status before STOPPED but being stopped after RUNNING). */
    long runningOrPending() {
        return tasks.values().stream().filter(t -> switch (t.status) {
            case PROVISIONING, PENDING, ACTIVATING, RUNNING -> true;
            default -> false;
        }).count();
    }

    /** Healthy as ECS counts towards minimumHealthyPercent, judged here independently of the planner. */
    long healthy() {
        return tasks.values().stream().filter(this::isHealthy).count();
    }

    boolean isHealthy(FakeTask t) {
        if (!"RUNNING".equals(t.desired) || t.status != TaskStatus.RUNNING) {
            return false;
        }
        return switch (checks) {
            case NONE -> !now.isBefore(t.startedAt.plus(Timings.ECS.unmonitoredHealthyAfter()));
            case CONTAINER -> "HEALTHY".equals(t.health);
            case LOAD_BALANCER -> t.targets.containsKey(TG) && t.targets.get(TG).state() == TargetState.HEALTHY;
        };
    }

    /** The task's essential container exits behind the scheduler's back. */
    void crash(FakeTask task) {
        task.desired = "STOPPED";
        task.stopCode = "EssentialContainerExited";
        task.status = TaskStatus.STOPPED;
    }

    List<FakeTask> live() {
        return tasks.values().stream().filter(t -> "RUNNING".equals(t.desired) && t.status != TaskStatus.STOPPED).toList();
    }

    long eventCount(String message) {
        return events.stream().filter(message::equals).count();
    }
}
