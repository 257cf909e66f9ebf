package io.berth.ecs.scheduler;

import io.berth.ecs.scheduler.SchedulerAction.StopTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.berth.ecs.scheduler.TaskBuilder.NOW;
import static io.berth.ecs.scheduler.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Single planning rounds from hand-made snapshots, and service lifetimes simulated round by round. */
class ServicePlannerTest {

    private static final String TG = Simulation.TG;
    private static final ServiceDeployment STABLE = new ServiceDeployment("ecs-svc/1", DeploymentStatus.PRIMARY,
            "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1", RolloutState.COMPLETED,
            "ECS deployment ecs-svc/1 completed.", 0, NOW.minus(Duration.ofHours(2)));
    private static final List<ServiceSpec.Subnet> THREE_ZONES = List.of(new ServiceSpec.Subnet("subnet-a", "us-east-1a"),
            new ServiceSpec.Subnet("subnet-b", "us-east-1b"), new ServiceSpec.Subnet("subnet-c", "us-east-1c"));

    private final ServicePlanner planner = new ServicePlanner(Timings.ECS);
    private final AtomicInteger ids = new AtomicInteger();

    private static ServiceSpec spec(int desired, List<ServiceSpec.TargetGroupBinding> loadBalancers, ServiceDeployment... deployments) {
        return new ServiceSpec("web", desired, 100, 200, ServiceSpec.CircuitBreaker.DISABLED, THREE_ZONES, loadBalancers,
                Duration.ofSeconds(60), List.of(deployments));
    }

    private Plan plan(ServiceSpec service, ObservedTask... tasks) {
        return plan(service, SchedulerMemory.empty(), tasks);
    }

    private Plan plan(ServiceSpec service, SchedulerMemory memory, ObservedTask... tasks) {
        return planner.plan(service, memory, List.of(tasks), NOW, () -> String.format("%032x", ids.incrementAndGet()));
    }

    private static ServiceSpec.TargetGroupBinding web() {
        return new ServiceSpec.TargetGroupBinding(TG, "web", 8080);
    }

    @ParameterizedTest(name = "desired {0}: threshold {1}")
    @CsvSource({"0, 3", "1, 3", "2, 3", "4, 3", "6, 3", "7, 4", "10, 5", "25, 13", "399, 200", "400, 200", "500, 200"})
    void theCircuitBreakerThresholdIsHalfTheDesiredCountRoundedUpBetween3And200(int desired, int threshold) {
        assertThat(spec(desired, List.of(), STABLE).failureThreshold()).isEqualTo(threshold);
    }

    @ParameterizedTest(name = "desired {0} at {1}%/{2}%: at least {3} healthy, at most {4}")
    @CsvSource({"4, 50, 200, 2, 8", "2, 75, 200, 2, 4", "3, 100, 125, 3, 3", "1, 50, 200, 1, 2", "10, 0, 100, 0, 10",
            "3, 100, 150, 3, 4", "1, 100, 150, 1, 1", "0, 100, 200, 0, 0", "5, 33, 133, 2, 6"})
    void theFloorRoundsUpAndTheCeilingDown(int desired, int min, int max, int floor, int ceiling) {
        ServiceSpec service = new ServiceSpec("web", desired, min, max, null, THREE_ZONES, List.of(), null, List.of(STABLE));
        assertThat(service.minimumHealthyTasks()).isEqualTo(floor);
        assertThat(service.maximumTasks()).isEqualTo(ceiling);
    }

    @Test
    void aServiceScalesFrom0To3To1WithECSsEventsAndOneSteadyStateEventPerSteadyState() {
        Simulation sim = new Simulation("web", Simulation.Checks.NONE);
        sim.subnets = THREE_ZONES;
        sim.desiredCount = 0;
        String deployment = sim.deploy("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1");
        sim.runUntil(Simulation::steady, 5);
        assertThat(sim.events).containsExactly("(service web) (deployment " + deployment + ") deployment completed.",
                "(service web) has reached a steady state.");

        sim.desiredCount = 3;
        sim.runUntil(Simulation::steady, 20);
        assertThat(sim.live()).hasSize(3).extracting(t -> t.zone)
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(sim.events).contains("(service web) has started 3 tasks: (task 00000000000000000000000000000001)"
                + " (task 00000000000000000000000000000002) (task 00000000000000000000000000000003).");
        for (int i = 0; i < 20; i++) {
            sim.tick();
            assertThat(sim.plan().actions()).isEmpty();
        }
        assertThat(sim.eventCount("(service web) has reached a steady state.")).isEqualTo(2);

        sim.desiredCount = 1;
        sim.runUntil(Simulation::steady, 20);
        assertThat(sim.live()).hasSize(1);
        assertThat(sim.events).filteredOn(e -> e.contains("has stopped")).singleElement()
                .satisfies(e -> assertThat(e).matches("\\(service web\\) has stopped 2 running tasks: \\(task [0-9a-f]{32}\\) \\(task [0-9a-f]{32}\\)\\."));
        assertThat(sim.eventCount("(service web) has reached a steady state.")).isEqualTo(3);
        assertThat(sim.eventCount("(service web) (deployment " + deployment + ") deployment completed.")).isEqualTo(1);
        assertThat(sim.primary().rolloutState()).isEqualTo(RolloutState.COMPLETED);
    }

    @Test
    void theSteadyStateEventIsWrittenAgainAfterSixHoursOfSteadyState() {
        ObservedTask running = task("a").build();
        Plan first = plan(spec(1, List.of(), STABLE), running);
        assertThat(first.events()).containsExactly("(service web) has reached a steady state.");
        assertThat(plan(spec(1, List.of(), STABLE), first.memory(), running).events()).isEmpty();

        SchedulerMemory sixHoursAgo = new SchedulerMemory(Set.of(), null,
                Map.of("(service web) has reached a steady state.", NOW.minus(Duration.ofHours(6))));
        Plan again = plan(spec(1, List.of(), STABLE), sixHoursAgo, running);
        assertThat(again.events()).containsExactly("(service web) has reached a steady state.");
        assertThat(again.memory().notices()).containsEntry("(service web) has reached a steady state.", NOW);
    }

    @Test
    void aStoppedTaskIsReplacedInTheZoneItLeft() {
        Plan plan = plan(spec(3, List.of(), STABLE), task("a").in("us-east-1a").build(),
                task("b").in("us-east-1b").stopped("EssentialContainerExited", true).build(),
                task("c").in("us-east-1c").build());
        assertThat(plan.starts()).singleElement().satisfies(start -> {
            assertThat(start.availabilityZone()).isEqualTo("us-east-1b");
            assertThat(start.subnetId()).isEqualTo("subnet-b");
            assertThat(start.deploymentId()).isEqualTo("ecs-svc/1");
            assertThat(start.group()).isEqualTo("service:web");
            assertThat(start.taskDefinitionArn()).isEqualTo(STABLE.taskDefinitionArn());
        });
        assertThat(plan.stops()).isEmpty();
        assertThat(plan.events()).containsExactly("(service web) has started 1 tasks: (task " + plan.starts().getFirst().taskId() + ").");
        assertThat(plan.memory().countedStops()).containsExactly("b");
        assertThat(plan.primary()).isEqualTo(STABLE);
    }

    /** Zones and subnets in order: {@code a:subnet-a1} … */
    @ParameterizedTest(name = "{0} subnets, desired {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "a:s1                | 3 | s1 s1 s1",
            "a:s1 b:s2           | 1 | s1",
            "a:s1 b:s2           | 2 | s1 s2",
            "a:s1 b:s2           | 3 | s1 s2 s1",
            "a:s1 b:s2           | 5 | s1 s2 s1 s2 s1",
            "a:s1 b:s2 c:s3      | 4 | s1 s2 s3 s1",
            "a:s1 b:s2 c:s3      | 6 | s1 s2 s3 s1 s2 s3",
            "c:s3 b:s2 a:s1      | 2 | s3 s2",
            "a:s1 a:s2 b:s3      | 4 | s1 s3 s2 s3",
            "a:s1 b:s2 a:s3 b:s4 | 4 | s1 s2 s3 s4"})
    void newTasksGoToTheZoneWithFewestTiesBrokenBySubnetOrder(String subnets, int desired, String expected) {
        List<ServiceSpec.Subnet> list = Arrays.stream(subnets.trim().split(" "))
                .map(s -> new ServiceSpec.Subnet(s.split(":")[1], s.split(":")[0])).toList();
        ServiceSpec service = new ServiceSpec("web", desired, 100, 200, null, list, List.of(), null, List.of(STABLE));
        assertThat(plan(service).starts()).extracting(SchedulerAction.StartTask::subnetId)
                .containsExactly(expected.trim().split(" "));
    }

    @Test
    void newTasksFillTheZonesWithFewestOfTheDeploymentsTasks() {
        Plan plan = plan(spec(5, List.of(), STABLE), task("a1").in("us-east-1a").build(), task("a2").in("us-east-1a").build(),
                task("c1").in("us-east-1c").build());
        assertThat(plan.starts()).extracting(SchedulerAction.StartTask::availabilityZone)
                .containsExactly("us-east-1b", "us-east-1b");
    }

    @Test
    void scaleInTakesFromTheZoneWithMostTasksTheNewestFirst() {
        Instant older = NOW.minus(Duration.ofHours(3));
        Plan plan = plan(spec(3, List.of(), STABLE),
                task("a-old").in("us-east-1a").created(older).build(),
                task("a-new").in("us-east-1a").build(),
                task("a-mid").in("us-east-1a").created(NOW.minus(Duration.ofHours(2))).build(),
                task("b").in("us-east-1b").build(),
                task("c").in("us-east-1c").build());
        assertThat(plan.stops()).extracting(StopTask::taskId).containsExactly("a-new", "a-mid");
        assertThat(plan.stops()).allSatisfy(stop -> {
            assertThat(stop.reason()).isEqualTo("Scaling activity initiated by (deployment ecs-svc/1)");
            assertThat(stop.stopCode()).isEqualTo("ServiceSchedulerInitiated");
        });
        assertThat(plan.events()).containsExactly("(service web) has stopped 2 running tasks: (task a-new) (task a-mid).");
    }

    @Test
    void scaleInTakesTasksThatAreNotYetRunningBeforeHealthyOnes() {
        Plan plan = plan(spec(2, List.of(), STABLE), task("a").in("us-east-1a").build(),
                task("b").in("us-east-1b").build(), task("c-pending").in("us-east-1c").pending().build());
        assertThat(plan.stops()).extracting(StopTask::taskId).containsExactly("c-pending");
    }

    @Test
    void scaleInNeverStopsAProtectedTaskAndPlansAgainWhenTheProtectionEnds() {
        Instant until = NOW.plus(Duration.ofMinutes(5));
        Plan plan = plan(spec(1, List.of(), STABLE),
                task("a-new").in("us-east-1a").protectedUntil(until).build(),
                task("a-old").in("us-east-1a").created(NOW.minus(Duration.ofHours(3))).protectedUntil(until).build(),
                task("b").in("us-east-1b").build());
        assertThat(plan.stops()).extracting(StopTask::taskId).containsExactly("b");
        assertThat(plan.wakeAt()).contains(until);

        Plan allProtected = plan(spec(0, List.of(), STABLE), task("a").protectedUntil(until).build());
        assertThat(allProtected.stops()).isEmpty();
        assertThat(allProtected.events()).isEmpty();

        Plan expired = plan(spec(0, List.of(), STABLE), task("a").protectedUntil(NOW).build());
        assertThat(expired.stops()).extracting(StopTask::taskId).containsExactly("a");
    }

    @Test
    void anUnhealthyTargetIsReplacedFirstAndStoppedOnceItsReplacementIsHealthy() {
        ServiceSpec service = spec(1, List.of(web()), STABLE);
        ObservedTask sick = task("sick").startedAt(NOW.minus(Duration.ofMinutes(5)))
                .target(TG, TargetState.UNHEALTHY, "Health checks failed with these codes: [503]").build();

        Plan first = plan(service, sick);
        assertThat(first.stops()).isEmpty();
        assertThat(first.starts()).hasSize(1);

        ObservedTask replacement = task(first.starts().getFirst().taskId()).startedAt(NOW.minus(Duration.ofMinutes(1)))
                .created(NOW.minus(Duration.ofMinutes(2))).target(TG, TargetState.HEALTHY, null).build();
        Plan second = plan(service, sick, replacement);
        assertThat(second.starts()).isEmpty();
        assertThat(second.stops()).singleElement().satisfies(stop -> {
            assertThat(stop.taskId()).isEqualTo("sick");
            assertThat(stop.reason()).isEqualTo("Task failed ELB health checks in (target-group " + TG + ")");
        });
        assertThat(second.deregistrations()).singleElement().satisfies(d -> {
            assertThat(d.taskId()).isEqualTo("sick");
            assertThat(d.targetGroupArn()).isEqualTo(TG);
            assertThat(d.port()).isEqualTo(8080);
        });
        assertThat(second.actions().indexOf(second.deregistrations().getFirst()))
                .isLessThan(second.actions().indexOf(second.stops().getFirst()));
        assertThat(second.events()).containsExactly(
                "(service web) (task sick) (port 8080) is unhealthy in (target-group " + TG
                        + ") due to (reason Health checks failed with these codes: [503]).",
                "(service web) has stopped 1 running tasks: (task sick).",
                "(service web) deregistered 1 targets in (target-group " + TG + ")",
                "(service web, taskSet ecs-svc/1) has begun draining connections on 1 tasks.");
    }

    @Test
    void failingChecksAreIgnoredDuringTheGracePeriod() {
        ServiceSpec service = spec(1, List.of(web()), STABLE);
        Instant started = NOW.minus(Duration.ofSeconds(30));
        Plan plan = plan(service, task("new").startedAt(started).target(TG, TargetState.UNHEALTHY, "Request timed out").build());
        assertThat(plan.actions()).isEmpty();
        assertThat(plan.wakeAt()).contains(started.plusSeconds(60));
        assertThat(plan.events()).isEmpty();
    }

    @Test
    void aTaskFailingItsContainerHealthCheckIsStoppedWhenNothingCanStartBesideIt() {
        ServiceSpec service = new ServiceSpec("web", 2, 100, 100, null, THREE_ZONES, List.of(), null, List.of(STABLE));
        Plan plan = plan(service, task("ok").health("HEALTHY").build(), task("sick").in("us-east-1b").health("UNHEALTHY").build());
        assertThat(plan.starts()).isEmpty();
        assertThat(plan.stops()).singleElement().satisfies(stop -> {
            assertThat(stop.taskId()).isEqualTo("sick");
            assertThat(stop.reason()).isEqualTo("Task failed container health checks");
        });
        assertThat(plan.events()).containsExactly("(service web) (task sick) failed container health checks.",
                "(service web) has stopped 1 running tasks: (task sick).");
    }

    @Test
    void runningTasksJoinEveryTargetGroupAndTheEventCountsThemPerGroup() {
        String other = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/api/fedcba9876543210";
        ServiceSpec service = spec(3, List.of(web(), new ServiceSpec.TargetGroupBinding(other, "web", 9090)), STABLE);
        Plan plan = plan(service, task("a").build(), task("b").in("us-east-1b").target(TG, TargetState.HEALTHY, null).build(),
                task("c").in("us-east-1c").pending().build());
        assertThat(plan.registrations()).extracting(r -> r.taskId() + " " + r.targetGroupArn() + " " + r.port())
                .containsExactly("a " + TG + " 8080", "a " + other + " 9090", "b " + other + " 9090");
        assertThat(plan.events()).containsExactly("(service web) registered 1 targets in (target-group " + TG + ")",
                "(service web) registered 2 targets in (target-group " + other + ")");
    }

    @Test
    void aTargetGroupTheServiceNoLongerUsesIsLeft() {
        String old = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/old/1111111111111111";
        Plan plan = plan(spec(1, List.of(web()), STABLE), task("a").target(TG, TargetState.HEALTHY, null)
                .target(old, TargetState.HEALTHY, null).build());
        assertThat(plan.deregistrations()).extracting(SchedulerAction.DeregisterTarget::targetGroupArn).containsExactly(old);
        assertThat(plan.stops()).isEmpty();
    }

    @Test
    void aStoppedTaskStillRegisteredIsDeregisteredOnceAndThenLeftToDrain() {
        ObservedTask crashed = task("a").stopped("EssentialContainerExited", true).target(TG, TargetState.HEALTHY, null).build();
        Plan plan = plan(spec(0, List.of(web()), STABLE), crashed);
        assertThat(plan.deregistrations()).hasSize(1);
        ObservedTask draining = task("a").stopped("EssentialContainerExited", true).target(TG, TargetState.DRAINING, null).build();
        assertThat(plan(spec(0, List.of(web()), STABLE), plan.memory(), draining).deregistrations()).isEmpty();
    }

    @Test
    void theMemoryKeepsOnlyTheStopsStillInTheSnapshot() {
        SchedulerMemory memory = new SchedulerMemory(Set.of("gone", "b"), null, Map.of());
        Plan plan = plan(spec(1, List.of(), STABLE), memory, task("a").build(),
                task("b").stopped("EssentialContainerExited", true).build());
        assertThat(plan.memory().countedStops()).containsExactly("b");
    }

    @Test
    void deploymentsAreListedPrimaryFirstThenNewestFirst() {
        ServiceDeployment oldest = new ServiceDeployment("ecs-svc/0", DeploymentStatus.ACTIVE, "td:0", RolloutState.COMPLETED,
                "ECS deployment ecs-svc/0 completed.", 0, NOW.minus(Duration.ofHours(5)));
        ServiceDeployment middle = STABLE.withStatus(DeploymentStatus.ACTIVE);
        ServiceDeployment newest = ServiceDeployment.started("ecs-svc/2", "td:2", NOW.minus(Duration.ofMinutes(1)));
        Plan plan = plan(spec(1, List.of(), oldest, newest, middle), task("x").of("ecs-svc/0").build(),
                task("y").of("ecs-svc/1").build());
        assertThat(plan.deployments()).extracting(ServiceDeployment::id).containsExactly("ecs-svc/2", "ecs-svc/1", "ecs-svc/0");
        assertThat(newest.rolloutStateReason()).isEqualTo("ECS deployment ecs-svc/2 in progress.");
    }

    @Test
    void tasksOfDeploymentsTheServiceNoLongerListsAreDrainedFirst() {
        ServiceDeployment newest = ServiceDeployment.started("ecs-svc/2", "td:2", NOW.minus(Duration.ofMinutes(1)));
        ServiceSpec service = new ServiceSpec("web", 2, 50, 200, null, THREE_ZONES, List.of(), null,
                List.of(newest, STABLE.withStatus(DeploymentStatus.ACTIVE)));
        Plan plan = plan(service, task("listed").of("ecs-svc/1").build(), task("orphan").of("ecs-svc/0").in("us-east-1b").build());
        assertThat(plan.stops()).extracting(StopTask::taskId).containsExactly("orphan");
        assertThat(plan.stops().getFirst().reason()).isEqualTo("Scaling activity initiated by (deployment ecs-svc/0)");
    }

    @Test
    void aServiceOfTasksWithoutChecksCountsATaskHealthy40SecondsAfterItRuns() {
        ServiceSpec service = spec(1, List.of(), ServiceDeployment.started("ecs-svc/2", "td:2", NOW.minusSeconds(60)));
        Instant started = NOW.minusSeconds(30);
        Plan early = plan(service, task("a").of("ecs-svc/2").startedAt(started).build());
        assertThat(early.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
        assertThat(early.wakeAt()).contains(started.plusSeconds(40));
        Plan later = plan(service, task("a").of("ecs-svc/2").startedAt(NOW.minusSeconds(40)).build());
        assertThat(later.primary().rolloutState()).isEqualTo(RolloutState.COMPLETED);
        assertThat(later.events()).containsExactly("(service web) (deployment ecs-svc/2) deployment completed.",
                "(service web) has reached a steady state.");
    }

    @Test
    void eventsOfOneRoundComeInTheOrderTheyHappen() {
        Simulation sim = new Simulation("web", Simulation.Checks.LOAD_BALANCER);
        sim.desiredCount = 1;
        String first = sim.deploy("td:1");
        sim.runUntil(Simulation::steady, 20);
        String second = sim.deploy("td:2");
        sim.runUntil(Simulation::steady, 40);
        String events = sim.events.stream().collect(Collectors.joining("\n"));
        String started = "\\(service web\\) has started 1 tasks: \\(task [0-9a-f]{32}\\)\\.";
        String registered = "\\(service web\\) registered 1 targets in \\(target-group " + TG + "\\)";
        assertThat(events).matches(String.join("\n",
                started, registered,
                "\\(service web\\) \\(deployment " + first + "\\) deployment completed\\.",
                "\\(service web\\) has reached a steady state\\.",
                started, registered,
                "\\(service web\\) has stopped 1 running tasks: \\(task [0-9a-f]{32}\\)\\.",
                "\\(service web\\) deregistered 1 targets in \\(target-group " + TG + "\\)",
                "\\(service web, taskSet " + first + "\\) has begun draining connections on 1 tasks\\.",
                "\\(service web\\) \\(deployment " + second + "\\) deployment completed\\.",
                "\\(service web\\) has reached a steady state\\."));
    }
}
