package io.berth.control;

import io.berth.control.loop.ControlLoop;
import io.berth.ecs.IdGenerator;
import io.berth.ecs.ServiceRecords;
import io.berth.ecs.TaskSignal;
import io.berth.ecs.scheduler.Plan;
import io.berth.ecs.scheduler.SchedulerAction;
import io.berth.ecs.scheduler.ServicePlanner;
import io.berth.ecs.scheduler.Timings;
import io.berth.edge.AwsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * The service scheduler: a {@link ControlLoop} keyed by service. Each round hands every service not
 * yet INACTIVE to its worker, which plans with the pure {@link ServicePlanner} from the service and a
 * snapshot of its tasks, stores the plan's deployments, events and memory in one write, then
 * launches and stops tasks through the task launch and stop paths and wakes the task controller. A
 * plan made on a service written meanwhile is dropped and made again. Rounds come when a service
 * changes and at least every {@code interval}: planning is cheap and a plan changes nothing when
 * nothing is to be done, so planning every service each round covers both a plan's wake-up time
 * and the task transitions the task controller makes without saying so. It keeps no state.
 */
public final class ServiceScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceScheduler.class);

    private final ServiceRecords records;
    private final ServicePlanner planner;
    private final TaskSignal tasks;
    private final InstantSource clock;
    private final IdGenerator ids;
    private final ControlLoop<ServiceRecords.Key> loop;

    public ServiceScheduler(ServiceRecords records, Timings timings, TaskSignal tasks, InstantSource clock,
                            IdGenerator ids, Duration interval) {
        this.records = records;
        this.planner = new ServicePlanner(timings);
        this.tasks = tasks;
        this.clock = clock;
        this.ids = ids;
        this.loop = new ControlLoop<>("service-scheduler", interval, this::round, this::converge);
    }

    public void start() {
        loop.start();
    }

    /** A service or one of its tasks changed: every service is planned again soon. */
    public void changed() {
        loop.signal();
    }

    private void round(Consumer<ServiceRecords.Key> dispatch) {
        records.unsettled().forEach(dispatch);
    }

    private void converge(ServiceRecords.Key key) {
        var snapshot = records.snapshot(key);
        if (snapshot.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Plan plan = planner.plan(snapshot.get().spec(), snapshot.get().service().memory(), snapshot.get().tasks(), now,
                ids);
        if (!records.record(snapshot.get(), plan, now)) {
            changed(); // written meanwhile: plan again on what it is now
            return;
        }
        boolean launched = false;
        for (SchedulerAction action : plan.actions()) {
            try {
                switch (action) {
                    case SchedulerAction.StopTask stop -> {
                        records.stop(snapshot.get().service(), stop, now);
                        launched = true;
                    }
                    case SchedulerAction.StartTask start -> {
                        records.launch(snapshot.get().service(), start, now);
                        launched = true;
                    }
                    // No load balancers yet: services have no target groups, so plans register none.
                    case SchedulerAction.RegisterTarget register -> {
                    }
                    case SchedulerAction.DeregisterTarget deregister -> {
                    }
                }
            } catch (AwsException | IllegalStateException e) {
                log.warn("service={} action={} failed: {}", key.name(), action, e.getMessage());
            }
        }
        if (launched) {
            log.info("service={} cluster={} starts={} stops={}", key.name(), key.cluster(), plan.starts().size(),
                    plan.stops().size());
            tasks.taskChanged();
            changed();
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
