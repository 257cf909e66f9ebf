package io.berth.ecs.scheduler;

import java.time.Duration;

/**
 * The scheduler's fixed delays. {@link #ECS} holds ECS's documented ones: a task whose service has
 * neither a container health check nor a load balancer counts as healthy 40 seconds after it reached
 * RUNNING; launches of tasks that keep failing are spaced out by a growing delay of at most 15
 * minutes (ECS documents the cap, not the steps: Berth doubles from 15 seconds); a condition's event
 * (such as the steady state) is repeated after six hours if it still holds.
 */
public record Timings(Duration unmonitoredHealthyAfter, Duration throttleBase, Duration throttleMax,
                      Duration repeatNoticeAfter) {

    public static final Timings ECS = new Timings(Duration.ofSeconds(40), Duration.ofSeconds(15),
            Duration.ofMinutes(15), Duration.ofHours(6));
}
