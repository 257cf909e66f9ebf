package io.berth.ecs.scheduler;

/**
 * A task's address registered in one target group: the port it was registered with, its health, and
 * ELB's description of that health ("Health checks failed with these codes: [503]"), null when none.
 */
public record RegisteredTarget(int port, TargetState state, String description) {
}
