package io.berth.ecs;

/** Tells the task controller that desired state changed, so it acts now rather than on its next round. */
@FunctionalInterface
public interface TaskSignal {
    void taskChanged();
}
