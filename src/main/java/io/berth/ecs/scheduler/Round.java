package io.berth.ecs.scheduler;

import io.berth.ecs.IdGenerator;
import io.berth.ecs.scheduler.SchedulerAction.DeregisterTarget;
import io.berth.ecs.scheduler.SchedulerAction.RegisterTarget;
import io.berth.ecs.scheduler.SchedulerAction.StartTask;
import io.berth.ecs.scheduler.SchedulerAction.StopTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One planning round for one service, in ECS's order: count the failures seen since the last round,
 * let the circuit breaker fail (and roll back) the deployment, replace unhealthy tasks, drain older
 * deployments and scale in within the healthy floor, start tasks within the ceiling, keep target
 * groups in step with the tasks, then settle the deployment and write the events. Working state
 * lives only for the round.
 */
final class Round {

    /** Stops that say nothing about the task's own health: the scheduler's, a user's, the infrastructure's. */
    private static final Set<String> NOT_FAILURES = Set.of(ServiceEvents.SCHEDULER_STOP_CODE, "UserInitiated",
            "SpotInterruption", "TerminationNotice");

    private final ServiceSpec service;
    private final SchedulerMemory memory;
    private final List<ObservedTask> tasks;
    private final Instant now;
    private final IdGenerator ids;
    private final Timings timings;
    private final String name;

    private final Map<String, ServiceDeployment> deployments = new LinkedHashMap<>();
    private final Set<String> counted = new HashSet<>();
    private final Map<String, HealthFailure> unhealthy = new LinkedHashMap<>();
    private final Set<String> stopping = new HashSet<>();
    private final List<StopTask> stops = new ArrayList<>();
    private final List<StartTask> starts = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> healthEvents = new ArrayList<>();
    private final List<Instant> wakeups = new ArrayList<>();
    /** The service's live tasks by zone, to stop from the fullest. */
    private final ZoneSpread zones;
    /**
     * The primary deployment's, to start in the emptiest: each deployment spreads on its own (ECS runs
     * each as a task set), so the new one is balanced once the old ones are gone.
     */
    private final ZoneSpread placement;
    private String primaryId;
    private Throttle throttle;
    private int healthyBudget;

    /** Why a task failed its health checks: its stop reason and the event that says so. */
    private record HealthFailure(String stopReason, String event) {
    }

    Round(ServiceSpec service, SchedulerMemory memory, List<ObservedTask> tasks, Instant now, IdGenerator ids,
          Timings timings) {
        this.service = service;
        this.memory = memory;
        this.tasks = List.copyOf(tasks);
        this.now = now;
        this.ids = ids;
        this.timings = timings;
        this.name = service.serviceName();
        this.zones = new ZoneSpread(service.subnets());
        this.placement = new ZoneSpread(service.subnets());
    }

    Plan plan() {
        service.deployments().forEach(d -> deployments.put(d.id(), d));
        primaryId = service.primary().id();
        tasks.stream().filter(ObservedTask::live).forEach(t -> zones.add(t.availabilityZone(), t.subnetId()));
        tasks.forEach(this::classifyHealth);
        countStops();
        tripCircuitBreaker();
        tasks.stream().filter(t -> t.live() && ofPrimary(t)).forEach(t -> placement.add(t.availabilityZone(), t.subnetId()));
        if (primary().rolloutState() != RolloutState.FAILED) {
            replaceUnhealthy();
            healthyBudget = (int) tasks.stream().filter(this::healthy).count() - service.minimumHealthyTasks();
            drainOtherDeployments();
            scaleIn();
            start();
        }
        List<String> targetEvents = new ArrayList<>();
        List<SchedulerAction> actions = new ArrayList<>(deregistrations(targetEvents));
        actions.addAll(stops);
        actions.addAll(starts);
        List<RegisterTarget> registrations = registrations();
        actions.addAll(registrations);

        List<String> written = new ArrayList<>(events);
        written.addAll(healthEvents);
        if (!stops.isEmpty()) {
            written.add(ServiceEvents.stopped(name, stops.stream().map(StopTask::taskId).toList()));
        }
        written.addAll(targetEvents);
        if (!starts.isEmpty()) {
            written.add(ServiceEvents.started(name, starts.stream().map(StartTask::taskId).toList()));
        }
        written.addAll(registeredEvents(registrations));
        List<String> conditions = settle(actions.isEmpty(), written);
        Map<String, Instant> notices = notices(conditions, written);
        return new Plan(actions, orderedDeployments(), written, new SchedulerMemory(counted, throttle, notices),
                wakeups.stream().filter(now::isBefore).min(Comparator.naturalOrder()));
    }

    private ServiceDeployment primary() {
        return deployments.get(primaryId);
    }

    private boolean ofPrimary(ObservedTask task) {
        return primaryId.equals(task.startedBy());
    }

    /** Monitored tasks are healthy when their checks say so; others a while after reaching RUNNING. */
    private boolean monitored(ObservedTask task) {
        return task.healthChecked() || !service.loadBalancers().isEmpty();
    }

    /**
     * Healthy as the deployment counts it: RUNNING and not being stopped, its container health check
     * passed if it has one, healthy in every target group of the service, and with neither of those
     * RUNNING for ECS's settling time.
     */
    private boolean healthy(ObservedTask task) {
        if (!task.live() || !task.running() || stopping.contains(task.taskId()) || unhealthy.containsKey(task.taskId())) {
            return false;
        }
        if (task.healthChecked() && !"HEALTHY".equals(task.healthStatus())) {
            return false;
        }
        for (ServiceSpec.TargetGroupBinding binding : service.loadBalancers()) {
            RegisteredTarget target = task.targets().get(binding.targetGroupArn());
            if (target == null || target.state() != TargetState.HEALTHY) {
                return false;
            }
        }
        if (!monitored(task)) {
            Instant settled = task.startedAt().plus(timings.unmonitoredHealthyAfter());
            if (now.isBefore(settled)) {
                wakeups.add(settled);
                return false;
            }
        }
        return true;
    }

    /** Failing checks count once the grace period since the task reached RUNNING is over. */
    private void classifyHealth(ObservedTask task) {
        if (!task.live() || !task.running()) {
            return;
        }
        Optional<HealthFailure> failure = healthFailure(task);
        if (failure.isEmpty()) {
            return;
        }
        Instant graceEnds = task.startedAt().plus(service.healthCheckGracePeriod());
        if (now.isBefore(graceEnds)) {
            wakeups.add(graceEnds);
        } else {
            unhealthy.put(task.taskId(), failure.get());
        }
    }

    private Optional<HealthFailure> healthFailure(ObservedTask task) {
        if (task.healthChecked() && "UNHEALTHY".equals(task.healthStatus())) {
            return Optional.of(new HealthFailure(ServiceEvents.FAILED_CONTAINER_HEALTH_CHECKS,
                    ServiceEvents.failedContainerHealthChecks(name, task.taskId())));
        }
        for (ServiceSpec.TargetGroupBinding binding : service.loadBalancers()) {
            RegisteredTarget target = task.targets().get(binding.targetGroupArn());
            if (target != null && target.state() == TargetState.UNHEALTHY) {
                String reason = target.description() == null ? "Health checks failed" : target.description();
                return Optional.of(new HealthFailure(ServiceEvents.failedElbHealthChecks(binding.targetGroupArn()),
                        ServiceEvents.unhealthyTarget(name, task.taskId(), target.port(), binding.targetGroupArn(), reason)));
            }
        }
        return Optional.empty();
    }

    /**
     * Each stopped task is looked at once. A task of the primary deployment that stopped other than
     * by the scheduler, a user or the reclaiming of its capacity is a failed launch for the circuit breaker, and one that never
     * reached RUNNING also counts towards the launch throttle. The breaker's count is of failures in
     * a row: while the deployment has a healthy task it stays at zero.
     */
    private void countStops() {
        int failures = 0;
        int startFailures = 0;
        for (ObservedTask task : tasks) {
            if (memory.countedStops().contains(task.taskId())) {
                counted.add(task.taskId());
                continue;
            }
            if (!task.stopped()) {
                continue;
            }
            counted.add(task.taskId());
            if ((task.stopCode() != null && NOT_FAILURES.contains(task.stopCode())) || !ofPrimary(task)) {
                continue;
            }
            failures++;
            if (task.startedAt() == null) {
                startFailures++;
            }
        }
        addFailures(failures);
        throttle = memory.throttle() != null && primaryId.equals(memory.throttle().deploymentId())
                ? memory.throttle() : Throttle.none(primaryId);
        if (tasks.stream().anyMatch(t -> ofPrimary(t) && t.live() && t.running())) {
            throttle = Throttle.none(primaryId);
        }
        if (startFailures > 0) {
            throttle = throttle.failed(startFailures, now, timings);
        }
    }

    private void addFailures(int failures) {
        ServiceDeployment primary = primary();
        if (primary.rolloutState() != RolloutState.IN_PROGRESS) {
            return;
        }
        boolean healthyTask = tasks.stream().anyMatch(t -> ofPrimary(t) && healthy(t));
        int count = healthyTask ? 0 : primary.failedTasks() + failures;
        if (count != primary.failedTasks()) {
            deployments.put(primaryId, primary.withFailedTasks(count));
        }
    }

    /**
     * At the threshold the primary deployment fails; with rollback, the most recent COMPLETED
     * deployment becomes PRIMARY again and rolls out anew. Without one to return to, the failed
     * deployment stays PRIMARY and launches nothing more, as ECS leaves it stalled.
     */
    private void tripCircuitBreaker() {
        ServiceDeployment primary = primary();
        if (!service.circuitBreaker().enable() || primary.rolloutState() != RolloutState.IN_PROGRESS
                || primary.failedTasks() < service.failureThreshold()) {
            return;
        }
        events.add(ServiceEvents.deploymentFailed(name, primary.id()));
        ServiceDeployment failed = primary.withRollout(RolloutState.FAILED, ServiceEvents.CIRCUIT_BREAKER_FAILED);
        deployments.put(primary.id(), failed);
        if (!service.circuitBreaker().rollback()) {
            return;
        }
        Optional<ServiceDeployment> stable = deployments.values().stream()
                .filter(d -> !d.id().equals(primary.id()) && d.rolloutState() == RolloutState.COMPLETED)
                .max(Comparator.comparing(ServiceDeployment::createdAt));
        if (stable.isEmpty()) {
            return;
        }
        deployments.put(primary.id(), failed.withStatus(DeploymentStatus.ACTIVE));
        ServiceDeployment back = stable.get().withStatus(DeploymentStatus.PRIMARY)
                .withRollout(RolloutState.IN_PROGRESS, ServiceEvents.rollingBackReason(stable.get().id()))
                .withFailedTasks(0);
        deployments.put(back.id(), back);
        primaryId = back.id();
        throttle = Throttle.none(primaryId);
        events.add(ServiceEvents.rollingBack(name, back.id()));
    }

    /**
     * As ECS does since 2023, an unhealthy task of the primary deployment is stopped once a
     * replacement is healthy (the replacement starts like any missing task); one of an older
     * deployment, which is draining anyway, right away. When the ceiling leaves no room for a
     * replacement, {@link #start} stops them one by one instead.
     */
    private void replaceUnhealthy() {
        long healthyPrimary = tasks.stream().filter(t -> ofPrimary(t) && healthy(t)).count();
        for (ObservedTask task : tasks) {
            if (unhealthy.containsKey(task.taskId()) && (!ofPrimary(task) || healthyPrimary >= service.desiredCount())) {
                stopUnhealthy(task);
            }
        }
    }

    private void stopUnhealthy(ObservedTask task) {
        HealthFailure failure = unhealthy.get(task.taskId());
        healthEvents.add(failure.event());
        stop(task, failure.stopReason());
        if (ofPrimary(task)) {
            addFailures(1);
        }
    }

    /** Older deployments go to zero, as fast as the healthy floor allows; protected tasks stay. */
    private void drainOtherDeployments() {
        List<ObservedTask> candidates = stoppable(tasks.stream().filter(t -> !ofPrimary(t)).toList());
        stopSome(candidates, candidates.size());
    }

    /** The primary deployment above the desired count loses its excess, never a protected task. */
    private void scaleIn() {
        List<ObservedTask> own = tasks.stream()
                .filter(t -> ofPrimary(t) && t.live() && !stopping.contains(t.taskId())
                        && !unhealthy.containsKey(t.taskId())).toList();
        int excess = own.size() - service.desiredCount();
        if (excess > 0) {
            stopSome(stoppable(own), excess);
        }
    }

    private List<ObservedTask> stoppable(List<ObservedTask> among) {
        List<ObservedTask> candidates = new ArrayList<>();
        for (ObservedTask task : among) {
            if (!task.live() || stopping.contains(task.taskId())) {
                continue;
            }
            if (task.protectedAt(now)) {
                wakeups.add(task.protectedUntil());
                continue;
            }
            candidates.add(task);
        }
        return candidates;
    }

    /**
     * Stops up to {@code limit} of the candidates, one at a time so each pick sees the zones as the
     * previous ones left them: the oldest deployment's first; then from the zone with the most tasks,
     * as ECS balances zones when it stops tasks; then tasks not (yet) healthy, which take nothing
     * from the floor; then the newest. A healthy task is stopped only while the floor allows it.
     */
    private void stopSome(List<ObservedTask> candidates, int limit) {
        List<ObservedTask> left = new ArrayList<>(candidates);
        Comparator<ObservedTask> order = Comparator.comparing(this::deploymentAge)
                .thenComparing(t -> -zones.tasksIn(t.availabilityZone()))
                .thenComparing(this::healthy)
                .thenComparing(ObservedTask::createdAt, Comparator.reverseOrder())
                .thenComparing(ObservedTask::taskId);
        int stopped = 0;
        while (stopped < limit && !left.isEmpty()) {
            ObservedTask next = left.stream().min(order).orElseThrow();
            left.remove(next);
            boolean healthy = healthy(next);
            if (healthy && healthyBudget <= 0) {
                continue;
            }
            stop(next, ServiceEvents.scalingActivity(next.startedBy()));
            if (healthy) {
                healthyBudget--;
            }
            stopped++;
        }
    }

    /** Tasks of deployments the service no longer lists come first, then by the deployment's age. */
    private Instant deploymentAge(ObservedTask task) {
        ServiceDeployment deployment = deployments.get(task.startedBy());
        return deployment == null ? Instant.MIN : deployment.createdAt();
    }

    private void stop(ObservedTask task, String reason) {
        stops.add(new StopTask(task.taskId(), task.startedBy(), ServiceEvents.SCHEDULER_STOP_CODE, reason));
        stopping.add(task.taskId());
        zones.remove(task.availabilityZone(), task.subnetId());
        if (ofPrimary(task)) {
            placement.remove(task.availabilityZone(), task.subnetId());
        }
    }

    /**
     * The primary deployment gets the tasks it lacks, as many as the ceiling on tasks not yet
     * STOPPED allows (tasks being stopped still hold their place) and the throttle lets through.
     */
    private void start() {
        long live = tasks.stream().filter(t -> ofPrimary(t) && t.live() && !stopping.contains(t.taskId())
                && !unhealthy.containsKey(t.taskId())).count();
        long wanted = service.desiredCount() - live;
        if (wanted <= 0) {
            return;
        }
        long room = service.maximumTasks() - tasks.stream().filter(ObservedTask::occupying).count();
        if (room <= 0) {
            tasks.stream().filter(t -> unhealthy.containsKey(t.taskId()) && !stopping.contains(t.taskId()))
                    .findFirst().ifPresent(this::stopUnhealthy);
            return;
        }
        if (throttle.holdsBack(now)) {
            wakeups.add(throttle.nextAttemptAt());
            return;
        }
        ServiceDeployment primary = primary();
        for (long i = 0; i < Math.min(wanted, room); i++) {
            ServiceSpec.Subnet subnet = placement.next();
            String zone = subnet == null ? null : subnet.availabilityZone();
            String subnetId = subnet == null ? null : subnet.subnetId();
            starts.add(new StartTask(ids.next(), primaryId, primary.taskDefinitionArn(), "service:" + name, subnetId, zone));
            zones.add(zone, subnetId);
            placement.add(zone, subnetId);
        }
    }

    /**
     * Targets of tasks that are going away, or of target groups the service no longer uses, are
     * deregistered; the load balancer drains them (the event names the deployment as ECS names
     * the task set).
     */
    private List<DeregisterTarget> deregistrations(List<String> targetEvents) {
        Set<String> bound = new HashSet<>();
        service.loadBalancers().forEach(b -> bound.add(b.targetGroupArn()));
        List<DeregisterTarget> out = new ArrayList<>();
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        Map<String, Set<String>> drainingByDeployment = new LinkedHashMap<>();
        for (ObservedTask task : tasks) {
            boolean keep = task.live() && !stopping.contains(task.taskId());
            for (Map.Entry<String, RegisteredTarget> entry : new TreeMap<>(task.targets()).entrySet()) {
                if ((keep && bound.contains(entry.getKey())) || entry.getValue().state() == TargetState.DRAINING) {
                    continue;
                }
                out.add(new DeregisterTarget(task.taskId(), entry.getKey(), task.privateIp(), entry.getValue().port()));
                byGroup.merge(entry.getKey(), 1, Integer::sum);
                drainingByDeployment.computeIfAbsent(task.startedBy(), d -> new HashSet<>()).add(task.taskId());
            }
        }
        byGroup.forEach((group, count) -> targetEvents.add(ServiceEvents.deregistered(name, count, group)));
        drainingByDeployment.forEach((deployment, drained) ->
                targetEvents.add(ServiceEvents.drainingConnections(name, deployment, drained.size())));
        return out;
    }

    /** A RUNNING task that stays joins every target group of the service it is not in yet. */
    private List<RegisterTarget> registrations() {
        List<RegisterTarget> out = new ArrayList<>();
        for (ObservedTask task : tasks) {
            if (!task.live() || !task.running() || stopping.contains(task.taskId()) || task.privateIp() == null) {
                continue;
            }
            for (ServiceSpec.TargetGroupBinding binding : service.loadBalancers()) {
                if (!task.targets().containsKey(binding.targetGroupArn())) {
                    out.add(new RegisterTarget(task.taskId(), binding.targetGroupArn(), task.privateIp(),
                            binding.containerPort()));
                }
            }
        }
        return out;
    }

    private List<String> registeredEvents(List<RegisterTarget> registrations) {
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        registrations.forEach(r -> byGroup.merge(r.targetGroupArn(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        byGroup.forEach((group, count) -> out.add(ServiceEvents.registered(name, count, group)));
        return out;
    }

    /**
     * With nothing left to do and exactly the desired count of healthy primary tasks holding
     * resources, the deployment is COMPLETED and the older ones become INACTIVE, and the service is
     * in a steady state. Returns the conditions that hold, whose events are written once.
     */
    private List<String> settle(boolean idle, List<String> written) {
        List<String> conditions = new ArrayList<>();
        List<ObservedTask> occupying = tasks.stream().filter(ObservedTask::occupying).toList();
        boolean settled = idle && occupying.size() == service.desiredCount()
                && occupying.stream().allMatch(t -> ofPrimary(t) && healthy(t));
        ServiceDeployment primary = primary();
        if (settled && primary.rolloutState() == RolloutState.IN_PROGRESS) {
            primary = primary.withRollout(RolloutState.COMPLETED, ServiceEvents.completedReason(primaryId));
            deployments.put(primaryId, primary);
            written.add(ServiceEvents.deploymentCompleted(name, primaryId));
        }
        if (settled && primary.rolloutState() == RolloutState.COMPLETED) {
            deployments.keySet().removeIf(id -> !id.equals(primaryId));
            conditions.add(ServiceEvents.steadyState(name));
        }
        if (throttle.throttling() && primary.rolloutState() != RolloutState.FAILED) {
            conditions.add(ServiceEvents.unableToStartTasks(name));
        }
        boolean stuck = idle && !settled && primary.rolloutState() == RolloutState.IN_PROGRESS
                && !throttle.holdsBack(now) && occupying.stream().allMatch(t -> healthy(t) && !t.protectedAt(now));
        if (stuck) {
            conditions.add(ServiceEvents.blockedByDeploymentConfiguration(name));
        }
        return conditions;
    }

    /** A condition's event is written when it starts to hold, and again after a long while if it still does. */
    private Map<String, Instant> notices(List<String> conditions, List<String> written) {
        Map<String, Instant> notices = new HashMap<>();
        for (String condition : conditions) {
            Instant at = memory.notices().get(condition);
            if (at == null || !now.isBefore(at.plus(timings.repeatNoticeAfter()))) {
                written.add(condition);
                at = now;
            }
            notices.put(condition, at);
        }
        return notices;
    }

    /** PRIMARY first, then the others newest first, as DescribeServices lists them. */
    private List<ServiceDeployment> orderedDeployments() {
        return deployments.values().stream()
                .sorted(Comparator.comparing((ServiceDeployment d) -> d.status() != DeploymentStatus.PRIMARY)
                        .thenComparing(ServiceDeployment::createdAt, Comparator.reverseOrder()))
                .toList();
    }
}
