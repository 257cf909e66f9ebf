package io.berth.logs;

import io.berth.kit.Scope;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CloudWatch Logs for code inside Berth (the task controller shipping container output): the
 * same groups, streams and events the API serves, with no HTTP in between. Names are checked as
 * the API checks them; a missing group or stream, or a bad name, is the {@link io.berth.edge.AwsException}
 * the API would answer with, so a caller can report it as AWS would.
 */
public final class LogEvents {

    /** One line of output: when it happened (epoch milliseconds) and what it said. */
    public record Event(long timestamp, String message) {
    }

    private final Store store;
    private final InstantSource clock;

    public LogEvents(Store store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    public boolean groupExists(String accountId, String region, String group) {
        String scope = new Scope(accountId, region).key();
        return store.read(documents -> LogsRepository.findGroup(documents, scope, group).isPresent());
    }

    /** As the awslogs driver's {@code awslogs-create-group}: a new group has AWS's defaults. */
    public void createGroupIfAbsent(String accountId, String region, String group) {
        Constraints.groupName(group, "logGroupName");
        String scope = new Scope(accountId, region).key();
        store.write(documents -> {
            if (LogsRepository.findGroup(documents, scope, group).isEmpty()) {
                LogsRepository.saveGroup(documents, scope,
                        StoredGroup.created(group, clock.millis(), null, LogGroups.DEFAULT_CLASS, false, Map.of()));
            }
            return null;
        });
    }

    public void createStreamIfAbsent(String accountId, String region, String group, String stream) {
        Constraints.streamName(stream, "logStreamName");
        String scope = new Scope(accountId, region).key();
        store.write(documents -> {
            LogsRepository.requireGroup(documents, scope, group);
            if (LogsRepository.findStream(documents, scope, group, stream).isEmpty()) {
                LogsRepository.saveStream(documents, scope, group, StoredStream.created(stream, clock.millis()));
            }
            return null;
        });
    }

    /**
     * Stores events durably before returning. Unlike PutLogEvents, a batch may come in any order
     * (it is stored sorted) and later than events already stored: output of several containers
     * interleaves, and a stream keeps every event in time order whenever it arrived.
     */
    public void append(String accountId, String region, String group, String stream, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Event> chronological = events.stream().sorted(Comparator.comparingLong(Event::timestamp)).toList();
        String scope = new Scope(accountId, region).key();
        long now = clock.millis();
        store.write(documents -> LogsRepository.append(documents, scope,
                LogsRepository.requireGroup(documents, scope, group),
                LogsRepository.requireStream(documents, scope, group, stream), chronological, now));
    }

    /** The latest event timestamp of a stream; empty when the stream is missing or has no events. */
    public OptionalLong lastEventTimestamp(String accountId, String region, String group, String stream) {
        String scope = new Scope(accountId, region).key();
        return store.read(documents -> LogsRepository.findStream(documents, scope, group, stream)
                .filter(s -> s.lastEventTimestamp() != null)
                .map(s -> OptionalLong.of(s.lastEventTimestamp()))
                .orElse(OptionalLong.empty()));
    }
}
