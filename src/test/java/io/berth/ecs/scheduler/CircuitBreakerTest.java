package io.berth.ecs.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.berth.ecs.scheduler.TaskBuilder.NOW;
import static io.berth.ecs.scheduler.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The deployment circuit breaker, its rollback, and the launch throttle for tasks that keep failing. */
class CircuitBreakerTest {

    private static final String TD1 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1";
    private static final String TD2 = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2";
    private static final ServiceDeployment STABLE = new ServiceDeployment("ecs-svc/1", DeploymentStatus.ACTIVE, TD1,
            RolloutState.COMPLETED, "ECS deployment ecs-svc/1 completed.", 0, NOW.minus(Duration.ofHours(2)));
    private static final ServiceDeployment NEW = ServiceDeployment.started("ecs-svc/2", TD2, NOW.minus(Duration.ofMinutes(10)));

    private final ServicePlanner planner = new ServicePlanner(Timings.ECS);
    private final AtomicInteger ids = new AtomicInteger();

    private Plan plan(int desired, ServiceSpec.CircuitBreaker breaker, List<ServiceDeployment> deployments,
                      List<ObservedTask> tasks) {
        ServiceSpec service = new ServiceSpec("web", desired, 100, 200, breaker,
                List.of(new ServiceSpec.Subnet("subnet-a", "us-east-1a")), List.of(), null, deployments);
        return planner.plan(service, SchedulerMemory.empty(), tasks, NOW, () -> String.format("%032x", ids.incrementAndGet()));
    }

    private static List<ObservedTask> failedLaunches(int count) {
        List<ObservedTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(task("failed-" + i).of("ecs-svc/2").stopped("TaskFailedToStart", false).build());
        }
        return tasks;
    }

    @ParameterizedTest(name = "desired {0}, {1} failed launches: failed {2}")
    @CsvSource({"1, 2, false", "1, 3, true", "4, 2, false", "4, 3, true", "6, 2, false", "6, 3, true",
            "10, 4, false", "10, 5, true", "500, 199, false", "500, 200, true"})
    void theDeploymentFailsWhenFailedLaunchesReachTheThreshold(int desired, int failures, boolean failed) {
        Plan plan = plan(desired, new ServiceSpec.CircuitBreaker(true, false), List.of(NEW), failedLaunches(failures));
        ServiceDeployment primary = plan.primary();
        assertThat(primary.id()).isEqualTo("ecs-svc/2");
        assertThat(primary.failedTasks()).isEqualTo(failures);
        if (failed) {
            assertThat(primary.rolloutState()).isEqualTo(RolloutState.FAILED);
            assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
            assertThat(plan.starts()).isEmpty();
            assertThat(plan.events()).first().isEqualTo("(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.");
        } else {
            assertThat(primary.rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
            assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment ecs-svc/2 in progress.");
            assertThat(plan.events()).noneMatch(e -> e.contains("deployment failed"));
        }
    }

    @ParameterizedTest(name = "desired {0}")
    @ValueSource(ints = {1, 4, 6, 10, 500})
    void aDeploymentWhoseTasksNeverStartFailsAtTheThresholdAndStartsNoMore(int desired) {
        Simulation sim = new Simulation("web", Simulation.Checks.NONE);
        sim.desiredCount = desired;
        sim.circuitBreaker = new ServiceSpec.CircuitBreaker(true, false);
        String broken = sim.deploy(TD2);
        sim.failingToStart.add(broken);
        int threshold = sim.spec().failureThreshold();
        sim.runUntil(s -> s.primary().rolloutState() == RolloutState.FAILED, 100, () -> {
            ServiceDeployment primary = sim.primary();
            assertThat(primary.rolloutState() == RolloutState.FAILED).isEqualTo(primary.failedTasks() >= threshold);
        });
        assertThat(sim.primary().failedTasks()).isGreaterThanOrEqualTo(threshold);
        assertThat(sim.eventCount("(service web) (deployment " + broken + ") deployment failed: tasks failed to start.")).isEqualTo(1);
        int launched = sim.tasks.size();
        for (int i = 0; i < 20; i++) {
            sim.tick();
            sim.plan();
        }
        assertThat(sim.tasks).hasSize(launched);
        assertThat(sim.live()).isEmpty();
        assertThat(sim.primary().rolloutState()).isEqualTo(RolloutState.FAILED);
        assertThat(sim.eventCount("(service web) (deployment " + broken + ") deployment failed: tasks failed to start.")).isEqualTo(1);
    }

    @Test
    void withoutTheBreakerFailuresAreCountedButTheDeploymentNeverFails() {
        Plan plan = plan(1, ServiceSpec.CircuitBreaker.DISABLED, List.of(NEW), failedLaunches(250));
        assertThat(plan.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(plan.primary().failedTasks()).isEqualTo(250);
    }

    @Test
    void failuresAreCountedInARowAndAHealthyTaskOfTheDeploymentResetsTheCount() {
        ServiceDeployment counted = new ServiceDeployment("ecs-svc/2", DeploymentStatus.PRIMARY, TD2, RolloutState.IN_PROGRESS,
                "ECS deployment ecs-svc/2 in progress.", 2, NOW.minus(Duration.ofMinutes(10)));
        List<ObservedTask> tasks = new ArrayList<>(failedLaunches(2));
        tasks.add(task("up").of("ecs-svc/2").build());
        Plan plan = plan(2, new ServiceSpec.CircuitBreaker(true, true), List.of(counted, STABLE), tasks);
        assertThat(plan.primary().failedTasks()).isZero();
        assertThat(plan.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
    }

    @Test
    void stopsByTheSchedulerAUserOrSpotAndTasksOfOtherDeploymentsAreNoFailures() {
        List<ObservedTask> tasks = List.of(
                task("scaled").of("ecs-svc/2").stopped("ServiceSchedulerInitiated", true).build(),
                task("user").of("ecs-svc/2").stopped("UserInitiated", true).build(),
                task("spot").of("ecs-svc/2").stopped("SpotInterruption", true).build(),
                task("old").of("ecs-svc/1").stopped("TaskFailedToStart", false).build(),
                task("crashed").of("ecs-svc/2").stopped("EssentialContainerExited", true).build(),
                task("unexplained").of("ecs-svc/2").stopped(null, true).build());
        Plan plan = plan(4, new ServiceSpec.CircuitBreaker(true, false), List.of(NEW, STABLE), tasks);
        assertThat(plan.primary().failedTasks()).isEqualTo(2);
        assertThat(plan.memory().countedStops()).containsExactlyInAnyOrder("scaled", "user", "spot", "old", "crashed",
                "unexplained");
        assertThat(plan.memory().throttle().consecutiveStartFailures()).isZero();
    }

    @Test
    void aFailedDeploymentRollsBackToTheLastCompletedOneWhileTheOldTasksKeepServing() {
        Simulation sim = new Simulation("web", Simulation.Checks.LOAD_BALANCER);
        sim.desiredCount = 2;
        sim.circuitBreaker = new ServiceSpec.CircuitBreaker(true, true);
        String good = sim.deploy(TD1);
        sim.runUntil(Simulation::steady, 30);
        List<String> goodTasks = sim.live().stream().map(t -> t.id).toList();

        String broken = sim.deploy(TD2);
        sim.failingToStart.add(broken);
        Runnable floor = () -> assertThat(sim.healthy()).isGreaterThanOrEqualTo(2);
        sim.runUntil(s -> s.primary().id().equals(good), 40, floor);
        // The broken tasks never ran, so the old deployment is back at its desired count at once.
        assertThat(sim.plans.getLast().events()).containsExactly(
                "(service web) (deployment " + broken + ") deployment failed: tasks failed to start.",
                "(service web) rolling back to deployment " + good + ".",
                "(service web) (deployment " + good + ") deployment completed.",
                "(service web) has reached a steady state.");
        assertThat(sim.plans.getLast().stops()).isEmpty();

        assertThat(sim.deployments).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(good);
            assertThat(d.taskDefinitionArn()).isEqualTo(TD1);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + good + " completed.");
        });
        assertThat(sim.live()).extracting(t -> t.id).containsExactlyInAnyOrderElementsOf(goodTasks);
        assertThat(sim.eventCount("(service web) (deployment " + good + ") deployment completed.")).isEqualTo(2);
    }

    @Test
    void aDeploymentWhoseTasksFailTheirTargetHealthChecksRollsBackAndDrainsThem() {
        Simulation sim = new Simulation("web", Simulation.Checks.LOAD_BALANCER);
        sim.desiredCount = 2;
        sim.circuitBreaker = new ServiceSpec.CircuitBreaker(true, true);
        String good = sim.deploy(TD1);
        sim.runUntil(Simulation::steady, 30);
        String broken = sim.deploy(TD2);
        sim.failingChecks.add(broken);
        Runnable bounds = () -> {
            assertThat(sim.healthy()).isGreaterThanOrEqualTo(2);
            assertThat(sim.runningOrPending()).isLessThanOrEqualTo(4);
        };
        sim.runUntil(s -> s.primary().id().equals(good), 60, bounds);
        assertThat(sim.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(sim.events).anyMatch(e -> e.matches("\\(service web\\) \\(task [0-9a-f]{32}\\) \\(port 8080\\) is unhealthy in "
                + "\\(target-group " + Simulation.TG + "\\) due to \\(reason Health checks failed with these codes: \\[503\\]\\)\\."));
        assertThat(sim.plans.stream().flatMap(p -> p.stops().stream()))
                .allMatch(stop -> stop.reason().equals("Task failed ELB health checks in (target-group " + Simulation.TG + ")"));

        sim.runUntil(Simulation::steady, 30, bounds);
        assertThat(sim.live()).hasSize(2).allMatch(t -> t.startedBy.equals(good));
        assertThat(sim.deployments).singleElement().satisfies(d -> assertThat(d.id()).isEqualTo(good));
    }

    @Test
    void aDeploymentRollsBackToTheNewestCompletedOne() {
        ServiceDeployment older = new ServiceDeployment("ecs-svc/0", DeploymentStatus.ACTIVE, "td:0", RolloutState.COMPLETED,
                "ECS deployment ecs-svc/0 completed.", 0, NOW.minus(Duration.ofHours(5)));
        ServiceDeployment failing = new ServiceDeployment("ecs-svc/2", DeploymentStatus.PRIMARY, TD2, RolloutState.IN_PROGRESS,
                "ECS deployment ecs-svc/2 in progress.", 2, NOW.minus(Duration.ofMinutes(10)));
        Plan plan = plan(2, new ServiceSpec.CircuitBreaker(true, true), List.of(failing, older, STABLE), failedLaunches(1));
        assertThat(plan.primary().id()).isEqualTo("ecs-svc/1");
        assertThat(plan.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(plan.primary().taskDefinitionArn()).isEqualTo(TD1);
        assertThat(plan.primary().rolloutStateReason())
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1.");
        assertThat(plan.deployments()).extracting(d -> d.id() + " " + d.status() + " " + d.rolloutState()).containsExactly(
                "ecs-svc/1 PRIMARY IN_PROGRESS", "ecs-svc/2 ACTIVE FAILED", "ecs-svc/0 ACTIVE COMPLETED");
        assertThat(plan.events()).startsWith("(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.",
                "(service web) rolling back to deployment ecs-svc/1.");
        assertThat(plan.starts()).hasSize(2).allMatch(s -> s.deploymentId().equals("ecs-svc/1") && s.taskDefinitionArn().equals(TD1));
    }

    @Test
    void withNothingCompletedToReturnToTheFailedDeploymentStallsAsPrimary() {
        Plan plan = plan(2, new ServiceSpec.CircuitBreaker(true, true), List.of(NEW), failedLaunches(3));
        assertThat(plan.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeploymentStatus.PRIMARY);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.FAILED);
        });
        assertThat(plan.starts()).isEmpty();
        assertThat(plan.events()).containsExactly("(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.");
    }

    @ParameterizedTest(name = "after {0} failures in a row: next attempt in {1} s")
    @CsvSource({"1, -1", "2, -1", "3, 15", "4, 30", "5, 60", "6, 120", "7, 240", "8, 480", "9, 900", "20, 900", "100, 900"})
    void launchesOfTasksThatKeepFailingAreSpacedOutUpTo15Minutes(int failures, int seconds) {
        Throttle throttle = Throttle.none("ecs-svc/2").failed(failures, NOW, Timings.ECS);
        if (seconds < 0) {
            assertThat(throttle.nextAttemptAt()).isNull();
            assertThat(throttle.throttling()).isFalse();
        } else {
            assertThat(throttle.nextAttemptAt()).isEqualTo(NOW.plusSeconds(seconds));
            assertThat(throttle.throttling()).isTrue();
        }
    }

    @Test
    void theThrottleHoldsLaunchesBackSaysSoOnceAndANewDeploymentLiftsIt() {
        Simulation sim = new Simulation("web", Simulation.Checks.NONE);
        sim.desiredCount = 1;
        String broken = sim.deploy(TD1);
        sim.failingToStart.add(broken);
        sim.runUntil(s -> s.memory.throttle() != null && s.memory.throttle().throttling(), 30);
        Plan throttled = sim.plans.getLast();
        Instant next = sim.memory.throttle().nextAttemptAt();
        assertThat(throttled.events()).contains("(service web) is unable to consistently start tasks successfully.");

        List<Instant> launches = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sim.tick();
            Plan plan = sim.plan();
            if (!plan.starts().isEmpty()) {
                launches.add(sim.now);
            } else if (sim.live().isEmpty()) {
                assertThat(plan.wakeAt()).isPresent().get().isEqualTo(sim.memory.throttle().nextAttemptAt());
            }
        }
        assertThat(launches.getFirst()).isAfterOrEqualTo(next);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < launches.size(); i++) {
            gaps.add(Duration.between(launches.get(i - 1), launches.get(i)));
        }
        assertThat(gaps).isSorted();
        assertThat(gaps.getLast()).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(16));
        assertThat(sim.eventCount("(service web) is unable to consistently start tasks successfully.")).isEqualTo(1);
        assertThat(sim.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);

        sim.deploy(TD2);
        Plan fresh = sim.plan();
        assertThat(fresh.starts()).hasSize(1);
        assertThat(fresh.memory().throttle().consecutiveStartFailures()).isZero();
    }
}
