package io.berth.logs;

import io.berth.logs.model.InputLogEvent;
import io.berth.logs.model.RejectedLogEventsInfo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What AWS demands of a PutLogEvents batch, and which of its events it turns away. */
final class BatchRules {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_BATCH_BYTES = 1_048_576;
    /** What AWS counts for each event on top of its message bytes. */
    static final int EVENT_OVERHEAD = 26;

    private static final long TOO_OLD = Duration.ofDays(14).toMillis();
    private static final long TOO_NEW = Duration.ofHours(2).toMillis();
    private static final long MAX_SPAN = Duration.ofHours(24).toMillis();

    private BatchRules() {
    }

    /** The request's events, once they meet the model's constraints, are in order and fit in one batch. */
    static List<LogEvents.Event> events(List<InputLogEvent> input) {
        if (Constraints.required(input, "logEvents").isEmpty() || input.size() > MAX_EVENTS) {
            throw LogsErrors.constraint("[...]", "logEvents", input.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_EVENTS);
        }
        List<LogEvents.Event> events = new ArrayList<>(input.size());
        long bytes = 0;
        for (int i = 0; i < input.size(); i++) {
            InputLogEvent event = input.get(i);
            String member = "logEvents." + (i + 1) + ".member.";
            long timestamp = Constraints.required(event.timestamp(), member + "timestamp");
            if (timestamp < 0) {
                throw LogsErrors.constraint(timestamp, member + "timestamp",
                        "Member must have value greater than or equal to 0");
            }
            if (Constraints.required(event.message(), member + "message").isEmpty()) {
                throw LogsErrors.constraint("", member + "message", "Member must have length greater than or equal to 1");
            }
            if (!events.isEmpty() && timestamp < events.getLast().timestamp()) {
                throw LogsErrors.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
            events.add(new LogEvents.Event(timestamp, event.message()));
            bytes += size(event.message());
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalidParameter("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        return events;
    }

    /** An event's size as AWS counts it against the batch and response limits. */
    static long size(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
    }

    /**
     * The events AWS would store, {@code accepted()}, and what it reports about the rest: those
     * older than 14 days or than the group's retention, and those over 2 hours in the future.
     */
    record Verdict(List<LogEvents.Event> accepted, RejectedLogEventsInfo rejected) {
    }

    static Verdict judge(List<LogEvents.Event> chronological, long now, Integer retentionInDays) {
        int tooOldEnd = countBefore(chronological, now - TOO_OLD);
        int expiredEnd = retentionInDays == null ? 0
                : countBefore(chronological, now - Duration.ofDays(retentionInDays).toMillis());
        int tooNewStart = chronological.size() - (int) chronological.stream()
                .filter(event -> event.timestamp() > now + TOO_NEW).count();
        List<LogEvents.Event> accepted = chronological.subList(Math.min(Math.max(tooOldEnd, expiredEnd), tooNewStart),
                tooNewStart);
        if (!accepted.isEmpty() && accepted.getLast().timestamp() - accepted.getFirst().timestamp() > MAX_SPAN) {
            throw LogsErrors.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        boolean anyRejected = tooOldEnd > 0 || expiredEnd > 0 || tooNewStart < chronological.size();
        return new Verdict(accepted, !anyRejected ? null : new RejectedLogEventsInfo(
                tooNewStart < chronological.size() ? tooNewStart : null,
                tooOldEnd > 0 ? tooOldEnd : null,
                expiredEnd > 0 ? expiredEnd : null));
    }

    private static int countBefore(List<LogEvents.Event> chronological, long cutoff) {
        return (int) chronological.stream().filter(event -> event.timestamp() < cutoff).count();
    }
}
