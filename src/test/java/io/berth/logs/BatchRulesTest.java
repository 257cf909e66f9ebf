package io.berth.logs;

import io.berth.edge.AwsException;
import io.berth.logs.model.InputLogEvent;
import io.berth.logs.model.RejectedLogEventsInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchRulesTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void eventsInOrderPass() {
        assertThat(BatchRules.events(List.of(input(1, "a"), input(1, "b"), input(2, "c"))))
                .containsExactly(new LogEvents.Event(1, "a"), new LogEvents.Event(1, "b"), new LogEvents.Event(2, "c"));
    }

    @Test
    void eventsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> BatchRules.events(List.of(input(2, "a"), input(1, "b"))))
                .isInstanceOf(AwsException.class)
                .hasMessage("Log events in a single PutLogEvents request must be in chronological order.");
    }

    @Test
    void aBatchHoldsAtMostTenThousandEvents() {
        List<InputLogEvent> max = Collections.nCopies(10_000, input(1, "x"));
        assertThat(BatchRules.events(max)).hasSize(10_000);
        List<InputLogEvent> over = new ArrayList<>(max);
        over.add(input(1, "x"));
        assertThatThrownBy(() -> BatchRules.events(over)).isInstanceOf(AwsException.class)
                .hasMessageContaining("Member must have length less than or equal to 10000");
        assertThatThrownBy(() -> BatchRules.events(List.of())).isInstanceOf(AwsException.class)
                .hasMessageContaining("Member must have length greater than or equal to 1");
    }

    @Test
    void aBatchHoldsAtMostOneMebibyteCountingTwentySixBytesAnEvent() {
        // 4 events: 4 * 26 overhead + messages filling the rest exactly.
        int message = (1_048_576 - 4 * 26) / 4;
        List<InputLogEvent> exact = IntStream.range(0, 4).mapToObj(i -> input(1, "x".repeat(message))).toList();
        assertThat(BatchRules.events(exact)).hasSize(4);
        List<InputLogEvent> over = new ArrayList<>(exact);
        over.set(3, input(1, "x".repeat(message + 1)));
        assertThatThrownBy(() -> BatchRules.events(over)).isInstanceOf(AwsException.class)
                .hasMessage("Upload too large: 1048577 bytes exceeds limit of 1048576");
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        assertThat(BatchRules.size("é")).isEqualTo(2 + 26);
        assertThat(BatchRules.size("😀")).isEqualTo(4 + 26);
    }

    @Test
    void missingOrEmptyMembersAreValidationErrors() {
        assertThatThrownBy(() -> BatchRules.events(List.of(input(1, ""))))
                .hasMessageContaining("at 'logEvents.1.member.message'");
        assertThatThrownBy(() -> BatchRules.events(List.of(input(1, "a"), new InputLogEvent(null, "b"))))
                .hasMessageContaining("Value null at 'logEvents.2.member.timestamp'");
        assertThatThrownBy(() -> BatchRules.events(null)).hasMessageContaining("Value null at 'logEvents'");
    }

    @Test
    void eventsExactlyFourteenDaysOldOrTwoHoursAheadAreStillAccepted() {
        assertThat(BatchRules.judge(List.of(event(NOW - 14 * DAY)), NOW, null).rejected()).isNull();
        assertThat(BatchRules.judge(List.of(event(NOW + 2 * HOUR)), NOW, null).rejected()).isNull();
        assertThat(BatchRules.judge(List.of(event(NOW - 14 * DAY - 1)), NOW, null).rejected())
                .isEqualTo(new RejectedLogEventsInfo(null, 1, null));
        assertThat(BatchRules.judge(List.of(event(NOW + 2 * HOUR + 1)), NOW, null).rejected())
                .isEqualTo(new RejectedLogEventsInfo(0, null, null));
    }

    @Test
    void tooOldAndTooNewEventsAreRejectedAndTheRestAccepted() {
        BatchRules.Verdict verdict = BatchRules.judge(List.of(event(NOW - 20 * DAY), event(NOW - 15 * DAY),
                event(NOW - HOUR), event(NOW), event(NOW + 3 * HOUR)), NOW, null);

        assertThat(verdict.accepted()).containsExactly(event(NOW - HOUR), event(NOW));
        // The old end index is exclusive (two events before it), the new start index inclusive.
        assertThat(verdict.rejected()).isEqualTo(new RejectedLogEventsInfo(4, 2, null));
    }

    @Test
    void eventsPastTheGroupRetentionAreExpired() {
        BatchRules.Verdict verdict = BatchRules.judge(
                List.of(event(NOW - 3 * DAY), event(NOW - 2 * DAY), event(NOW)), NOW, 1);
        assertThat(verdict.accepted()).containsExactly(event(NOW));
        assertThat(verdict.rejected()).isEqualTo(new RejectedLogEventsInfo(null, null, 2));
    }

    @Test
    void acceptedEventsMaySpanAtMostTwentyFourHours() {
        assertThat(BatchRules.judge(List.of(event(NOW - DAY), event(NOW)), NOW, null).accepted()).hasSize(2);
        assertThatThrownBy(() -> BatchRules.judge(List.of(event(NOW - DAY - 1), event(NOW)), NOW, null))
                .isInstanceOf(AwsException.class)
                .hasMessage("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        // Rejected events do not count towards the span.
        assertThat(BatchRules.judge(List.of(event(NOW - 20 * DAY), event(NOW)), NOW, null).accepted()).hasSize(1);
    }

    private static InputLogEvent input(long timestamp, String message) {
        return new InputLogEvent(timestamp, message);
    }

    private static LogEvents.Event event(long timestamp) {
        return new LogEvents.Event(timestamp, "m");
    }
}
