package io.berth.ecs.model;

import java.util.List;

/** What UpdateTaskProtection and GetTaskProtection answer: the same two members. */
public record TaskProtectionResponse(List<ProtectedTask> protectedTasks, List<Failure> failures) {
}
