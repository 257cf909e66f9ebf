package io.berth.ecs.scheduler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling deployments simulated step by step, for every deployment configuration, desired count and
 * kind of health check: from a steady service on one revision to a steady service on the next, with
 * ECS's floor (ceil(minimumHealthyPercent × desired) healthy tasks) and ceiling
 * (floor(maximumPercent × desired) RUNNING or PENDING tasks) checked after every plan and every tick.
 */
class RollingDeploymentTest {

    static Stream<Arguments> configurations() {
        List<int[]> percents = List.of(new int[]{100, 200}, new int[]{50, 200}, new int[]{0, 100}, new int[]{100, 150});
        return percents.stream().flatMap(p -> Stream.of(1, 2, 3, 4, 10).flatMap(desired ->
                Stream.of(Simulation.Checks.values()).map(checks -> Arguments.of(p[0], p[1], desired, checks))));
    }

    @ParameterizedTest(name = "{0}%/{1}% desired {2} checks {3}")
    @MethodSource("configurations")
    void rollsOutWithinTheFloorAndTheCeilingAtEveryStep(int minPercent, int maxPercent, int desired,
                                                        Simulation.Checks checks) {
        Simulation sim = new Simulation("web", checks);
        sim.desiredCount = desired;
        sim.minimumHealthyPercent = minPercent;
        sim.maximumPercent = maxPercent;
        sim.subnets = List.of(new ServiceSpec.Subnet("subnet-a", "us-east-1a"),
                new ServiceSpec.Subnet("subnet-b", "us-east-1b"), new ServiceSpec.Subnet("subnet-c", "us-east-1c"));
        String first = sim.deploy("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1");
        sim.runUntil(Simulation::steady, 100);
        assertThat(sim.live()).hasSize(desired).allMatch(t -> t.startedBy.equals(first));

        int floor = (int) Math.ceil(desired * minPercent / 100.0);
        int ceiling = desired * maxPercent / 100;
        String second = sim.deploy("arn:aws:ecs:us-east-1:000000000000:task-definition/web:2");
        Runnable bounds = () -> {
            assertThat(sim.healthy()).as("healthy tasks at %s", sim.now).isGreaterThanOrEqualTo(floor);
            assertThat(sim.runningOrPending()).as("RUNNING or PENDING tasks at %s", sim.now).isLessThanOrEqualTo(ceiling);
        };
        bounds.run();
        boolean canMove = ceiling > desired || floor < desired;
        if (!canMove) {
            sim.runUntil(s -> s.eventCount(ServiceEvents.blockedByDeploymentConfiguration("web")) == 1, 10, bounds);
            for (int i = 0; i < 10; i++) {
                sim.tick();
                sim.plan();
                bounds.run();
            }
            assertThat(sim.eventCount(ServiceEvents.blockedByDeploymentConfiguration("web"))).isEqualTo(1);
            assertThat(sim.primary().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);
            assertThat(sim.live()).allMatch(t -> t.startedBy.equals(first));
            return;
        }
        sim.runUntil(Simulation::steady, 200, bounds);

        assertThat(sim.live()).hasSize(desired).allMatch(t -> t.startedBy.equals(second));
        assertThat(sim.deployments).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(second);
            assertThat(d.status()).isEqualTo(DeploymentStatus.PRIMARY);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + second + " completed.");
        });
        assertThat(sim.eventCount("(service web) (deployment " + second + ") deployment completed.")).isEqualTo(1);
        assertThat(sim.eventCount("(service web) has reached a steady state.")).isEqualTo(2);
        assertThat(sim.eventCount(ServiceEvents.blockedByDeploymentConfiguration("web"))).isZero();
        // Every old task was stopped by the scheduler, as a scaling activity of its deployment.
        assertThat(sim.plans.stream().flatMap(p -> p.stops().stream()))
                .hasSize(desired).allSatisfy(stop -> {
                    assertThat(stop.reason()).isEqualTo("Scaling activity initiated by (deployment " + first + ")");
                    assertThat(stop.stopCode()).isEqualTo("ServiceSchedulerInitiated");
                });
        // And the zones stay balanced once it is done.
        long[] perZone = Stream.of("us-east-1a", "us-east-1b", "us-east-1c")
                .mapToLong(z -> sim.live().stream().filter(t -> t.zone.equals(z)).count()).toArray();
        assertThat(Math.abs(perZone[0] - perZone[2])).isLessThanOrEqualTo(1);
        assertThat(Math.abs(perZone[0] - perZone[1])).isLessThanOrEqualTo(1);
    }
}
