package io.berth.ecs.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One round's decisions for a service: the actions in the order to carry them out, the service's
 * deployments afterwards (those that became INACTIVE left out; the PRIMARY's task definition is the
 * service's), the events to write in the order they happened (the applier stamps them with the
 * time and an id, and lists them newest first), the memory to keep for the next round, and when to
 * plan again at the latest if nothing else changes (a launch held back, a grace period ending).
 */
public record Plan(List<SchedulerAction> actions, List<ServiceDeployment> deployments, List<String> events,
                   SchedulerMemory memory, Optional<Instant> wakeAt) {

    public Plan {
        actions = List.copyOf(actions);
        deployments = List.copyOf(deployments);
        events = List.copyOf(events);
    }

    public List<SchedulerAction.StartTask> starts() {
        return only(SchedulerAction.StartTask.class);
    }

    public List<SchedulerAction.StopTask> stops() {
        return only(SchedulerAction.StopTask.class);
    }

    public List<SchedulerAction.RegisterTarget> registrations() {
        return only(SchedulerAction.RegisterTarget.class);
    }

    public List<SchedulerAction.DeregisterTarget> deregistrations() {
        return only(SchedulerAction.DeregisterTarget.class);
    }

    public ServiceDeployment primary() {
        return deployments.stream().filter(d -> d.status() == DeploymentStatus.PRIMARY).findFirst().orElseThrow();
    }

    private <T extends SchedulerAction> List<T> only(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
