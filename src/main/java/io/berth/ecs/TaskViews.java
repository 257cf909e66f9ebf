package io.berth.ecs;

import io.berth.ecs.model.Task;

/** Tasks as operations show them. */
final class TaskViews {

    private TaskViews() {
    }

    /** DescribeTasks shows tags only when asked to include them. */
    static Task withoutTags(Task task) {
        TaskEditor editor = TaskEditor.of(task);
        editor.tags = null;
        return editor.build();
    }
}
