package io.berth.ecs.scheduler;

/** One thing the applier must do for a service; a plan lists them in the order to do them. */
public sealed interface SchedulerAction {

    /**
     * Take the task out of this target group; the load balancer drains it for the group's
     * deregistration delay. Comes before the task's stop, which must wait for the draining to end.
     */
    record DeregisterTarget(String taskId, String targetGroupArn, String ip, int port) implements SchedulerAction {
    }

    /** Stop the task as ECS does, with stop code {@code ServiceSchedulerInitiated} and this reason. */
    record StopTask(String taskId, String deploymentId, String stopCode, String reason) implements SchedulerAction {
    }

    /**
     * Launch a task of this deployment with this id (its {@code startedBy} is the deployment id, its
     * {@code group} {@code service:NAME}) into this subnet.
     */
    record StartTask(String taskId, String deploymentId, String taskDefinitionArn, String group, String subnetId,
                     String availabilityZone) implements SchedulerAction {
    }

    /** Put the RUNNING task's address and container port into this target group. */
    record RegisterTarget(String taskId, String targetGroupArn, String ip, int port) implements SchedulerAction {
    }
}
