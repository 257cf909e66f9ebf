package io.berth.ecs;

import io.berth.ecs.model.Failure;
import io.berth.ecs.model.ProtectedTask;
import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskProtectionsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef";

    @Test
    void protectionLastsTwoHoursUnlessTold() {
        assertThat(TaskProtections.until(true, null, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(120)));
        assertThat(TaskProtections.until(true, 1, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(TaskProtections.until(true, 2880, NOW)).isEqualTo(NOW.plus(Duration.ofHours(48)));
        assertThat(TaskProtections.until(false, null, NOW)).isNull();
    }

    @Test
    void aDurationOutOfRangeOrAMissingFlagIsRefused() {
        for (int minutes : new int[] {0, -5, 2881}) {
            assertThatThrownBy(() -> TaskProtections.until(true, minutes, NOW)).isInstanceOf(AwsException.class)
                    .hasMessage("expiresInMinutes must be between 1 and 2880.")
                    .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("InvalidParameterException"));
        }
        assertThatThrownBy(() -> TaskProtections.until(null, 60, NOW)).isInstanceOf(AwsException.class)
                .hasMessage("protectionEnabled can not be null.");
    }

    @Test
    void aRequestNamesOneToTheMostTasks() {
        assertThatThrownBy(() -> TaskProtections.tasksNamed(null, 10)).hasMessage("Tasks cannot be empty.");
        assertThatThrownBy(() -> TaskProtections.tasksNamed(List.of(), 10)).hasMessage("Tasks cannot be empty.");
        assertThatThrownBy(() -> TaskProtections.tasksNamed(Collections.nCopies(11, "t"), 10))
                .hasMessage("Tasks cannot have more than 10 elements.");
        TaskProtections.tasksNamed(Collections.nCopies(10, "t"), 10);
    }

    @Test
    void onlyAServicesTaskCanBeProtected() {
        StoredTask standalone = task();
        assertThat(TaskProtections.failure(Optional.of(standalone), ARN))
                .contains(new Failure(ARN, "TASK_NOT_VALID", null));
        assertThat(TaskProtections.failure(Optional.empty(), ARN)).contains(new Failure(ARN, "MISSING", null));
        assertThat(TaskProtections.failure(Optional.of(inService(standalone)), ARN)).isEmpty();
    }

    @Test
    void aProtectionShowsUntilItLapses() {
        StoredTask task = inService(task()).withProtection(NOW.plusSeconds(60));
        assertThat(TaskProtections.view(task, NOW)).isEqualTo(new ProtectedTask(ARN, true, NOW.plusSeconds(60)));
        assertThat(TaskProtections.view(task, NOW.plusSeconds(60))).isEqualTo(new ProtectedTask(ARN, false, null));
        assertThat(TaskProtections.view(task.withProtection(null), NOW)).isEqualTo(new ProtectedTask(ARN, false, null));
    }

    private static StoredTask task() {
        return StoredTasks.launched(ARN, NOW, StoredTasks.container("app", ""));
    }

    private static StoredTask inService(StoredTask task) {
        TaskEditor editor = TaskEditor.of(task.task());
        editor.group = "service:web";
        return task.withTask(editor.build());
    }
}
