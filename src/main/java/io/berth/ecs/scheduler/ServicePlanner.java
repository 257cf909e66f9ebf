package io.berth.ecs.scheduler;

import io.berth.ecs.IdGenerator;

import java.time.Instant;
import java.util.List;

/**
 * The ECS service scheduler as a pure function: from a service, what the planner remembered about it,
 * a snapshot of its tasks and the time, the plan for this round. Nothing is read or written here;
 * the applier carries the plan out and stores the returned memory, and the next round sees the
 * results in the next snapshot, so a crash at any instant only repeats a round.
 */
public final class ServicePlanner {

    private final Timings timings;

    public ServicePlanner(Timings timings) {
        this.timings = timings;
    }

    /** @param ids makes the ids of the tasks the plan starts, so its events can name them */
    public Plan plan(ServiceSpec service, SchedulerMemory memory, List<ObservedTask> tasks, Instant now, IdGenerator ids) {
        return new Round(service, memory == null ? SchedulerMemory.empty() : memory, tasks, now, ids, timings).plan();
    }
}
