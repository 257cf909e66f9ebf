package io.berth.ecs.scheduler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules every plan keeps, whatever happens around it: seeded random lives of a service with desired
 * count changes, new deployments (some broken), crashing tasks, scale-in protection and zones,
 * each plan checked against the snapshot it was made from.
 */
class PlannerPropertiesTest {

    static IntStream seeds() {
        return IntStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPlanKeepsTheCeilingTheFloorProtectionAndTheZones(int seed) {
        Random random = new Random(seed);
        Simulation sim = new Simulation("svc", Simulation.Checks.values()[seed % 3]);
        int[][] percents = {{100, 200}, {50, 200}, {0, 100}, {100, 150}, {50, 150}, {0, 200}};
        int[] p = percents[random.nextInt(percents.length)];
        sim.minimumHealthyPercent = p[0];
        sim.maximumPercent = p[1];
        sim.circuitBreaker = new ServiceSpec.CircuitBreaker(random.nextBoolean(), random.nextBoolean());
        sim.grace = Duration.ofSeconds(random.nextInt(3) * 10);
        sim.subnets = List.of(new ServiceSpec.Subnet("subnet-a", "us-east-1a"), new ServiceSpec.Subnet("subnet-b", "us-east-1b"),
                new ServiceSpec.Subnet("subnet-c", "us-east-1c")).subList(0, 1 + random.nextInt(3));
        sim.desiredCount = random.nextInt(6);
        sim.deploy("td:0");
        String previousSteady = null;
        for (int round = 0; round < 120; round++) {
            switch (random.nextInt(40)) {
                case 0, 1 -> sim.desiredCount = random.nextInt(8);
                case 2 -> {
                    String id = sim.deploy("td:" + round);
                    if (random.nextInt(3) == 0) {
                        (random.nextBoolean() ? sim.failingToStart : sim.failingChecks).add(id);
                    }
                }
                case 3, 4 -> sim.live().stream().filter(t -> t.status == io.berth.ecs.TaskStatus.RUNNING).findAny()
                        .ifPresent(sim::crash);
                case 5 -> sim.live().stream().findAny()
                        .ifPresent(t -> t.protectedUntil = sim.now.plus(Duration.ofSeconds(10 * random.nextInt(10))));
                default -> {
                }
            }
            ServiceSpec service = sim.spec();
            long occupying = sim.tasks.values().stream().filter(t -> t.status != io.berth.ecs.TaskStatus.STOPPED).count();
            long healthyBefore = sim.healthy();
            Set<String> subnets = service.subnets().stream().map(ServiceSpec.Subnet::subnetId).collect(Collectors.toSet());
            String primary = service.primary().id();
            Plan plan = sim.plan(made -> {
                if (!made.starts().isEmpty()) {
                    assertThat(occupying + made.starts().size()).as("ceiling").isLessThanOrEqualTo(service.maximumTasks());
                }
                long healthyStopped = made.stops().stream().filter(s -> sim.isHealthy(sim.tasks.get(s.taskId()))).count();
                if (healthyStopped > 0) {
                    assertThat(healthyBefore - healthyStopped).as("floor").isGreaterThanOrEqualTo(service.minimumHealthyTasks());
                }
                made.stops().stream().filter(s -> s.reason().startsWith("Scaling activity"))
                        .forEach(s -> assertThat(sim.tasks.get(s.taskId()).protectedUntil)
                                .as("protected task stopped").matches(until -> until == null || !sim.now.isBefore(until)));
                made.starts().forEach(s -> {
                    assertThat(s.subnetId()).isIn(subnets);
                    assertThat(s.deploymentId()).isEqualTo(made.primary().id());
                });
                assertThat(made.deployments()).filteredOn(d -> d.status() == DeploymentStatus.PRIMARY).hasSize(1);
                if (made.primary().rolloutState() == RolloutState.FAILED) {
                    assertThat(made.starts()).isEmpty();
                }
            });
            String steady = plan.events().contains(ServiceEvents.steadyState("svc")) ? "steady" : null;
            assertThat(previousSteady != null && steady != null).as("steady state written twice in a row").isFalse();
            previousSteady = plan.events().isEmpty() ? previousSteady : steady;
            assertThat(plan.memory().countedStops()).isSubsetOf(sim.tasks.keySet());
            assertThat(primary).isNotNull();
            sim.tick();
        }
        // Left alone with working tasks and a configuration that lets deployments move, every service
        // settles on its desired count (a failed deployment is fixed by deploying again).
        sim.failingToStart.clear();
        sim.failingChecks.clear();
        sim.tasks.values().forEach(t -> t.protectedUntil = null);
        sim.minimumHealthyPercent = 50;
        sim.maximumPercent = 200;
        sim.runUntil(s -> {
            if (s.primary().rolloutState() == RolloutState.FAILED) {
                s.deploy("td:fixed");
                return false;
            }
            return s.live().size() == s.desiredCount && s.live().stream().allMatch(s::isHealthy)
                    && s.deployments.size() == 1 && s.primary().rolloutState() == RolloutState.COMPLETED
                    && s.plans.getLast().actions().isEmpty();
        }, 300);
        List<Long> perZone = sim.subnets.stream()
                .map(z -> sim.live().stream().filter(t -> t.zone.equals(z.availabilityZone())).count()).toList();
        assertThat(perZone.stream().mapToLong(Long::longValue).max().orElse(0)
                - perZone.stream().mapToLong(Long::longValue).min().orElse(0)).isLessThanOrEqualTo(1);
    }
}
