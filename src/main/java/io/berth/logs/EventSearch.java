package io.berth.logs;

import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.logs.model.FilterLogEventsRequest;
import io.berth.logs.model.FilterLogEventsResponse;
import io.berth.logs.model.FilteredLogEvent;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * FilterLogEvents: the matching events of a group's streams, interleaved in time order. Each
 * stream is read in key order from the same position and the streams are merged by key; since
 * keys are unique in a group, the key of the last event searched is a position in every stream
 * at once, and the nextToken is that key.
 */
final class EventSearch {

    /**
     * Events one call searches at most. A pattern that matches nothing must not hold a read on
     * the store over a whole group; like AWS, a call may answer with few or no events and a
     * nextToken to go on.
     */
    static final int MAX_SEARCHED = 100_000;
    private static final int BATCH = 200;

    private final Store store;

    EventSearch(Store store) {
        this.store = store;
    }

    FilterLogEventsResponse filterLogEvents(RequestContext context, FilterLogEventsRequest request) {
        String group = LogsArns.groupReference(context, request.logGroupName(), request.logGroupIdentifier());
        if (request.logStreamNames() != null && request.logStreamNamePrefix() != null) {
            throw LogsErrors.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        List<String> names = request.logStreamNames() == null ? null
                : request.logStreamNames().stream().map(name -> Constraints.streamName(name, "logStreamNames")).toList();
        String prefix = Constraints.streamNamePrefix(request.logStreamNamePrefix(), "logStreamNamePrefix");
        long startTime = Optional.ofNullable(Constraints.timestamp(request.startTime(), "startTime")).orElse(0L);
        Long endTime = Constraints.timestamp(request.endTime(), "endTime");
        FilterPattern pattern = FilterPattern.parse(request.filterPattern());
        int limit = Constraints.limit(request.limit(), StreamEvents.MAX_EVENTS, StreamEvents.MAX_EVENTS);
        EventKey from = request.nextToken() == null ? EventKey.at(startTime)
                : Tokens.filterResume(request.nextToken()).next();
        String scope = Scope.of(context).key();
        return store.read(documents -> {
            LogsRepository.requireGroup(documents, scope, group);
            // A stream with no events in [startTime, endTime] has nothing to read.
            List<StoredStream> streams = streams(documents, scope, group, names, prefix)
                    .filter(s -> s.lastEventTimestamp() != null && s.lastEventTimestamp() >= startTime)
                    .filter(s -> endTime == null || s.firstEventTimestamp() <= endTime)
                    .toList();
            return search(new Merge(documents, scope, group, streams, from), pattern, endTime, limit);
        });
    }

    private static Stream<StoredStream> streams(Documents documents, String scope, String group, List<String> names,
                                                String prefix) {
        if (names != null) {
            return names.stream().distinct()
                    .flatMap(name -> LogsRepository.findStream(documents, scope, group, name).stream());
        }
        return LogsRepository.streams(documents, scope, group, prefix == null ? "" : prefix, null,
                Integer.MAX_VALUE, false).stream();
    }

    private static FilterLogEventsResponse search(Merge merge, FilterPattern pattern, Long endTime, int limit) {
        List<FilteredLogEvent> found = new ArrayList<>();
        long bytes = 0;
        int searched = 0;
        EventKey last = null;
        while (true) {
            Optional<StoredEvent> next = merge.peek().filter(e -> endTime == null || e.key().timestamp() <= endTime);
            if (next.isEmpty()) {
                return new FilterLogEventsResponse(found, null);
            }
            StoredEvent event = next.get();
            long size = BatchRules.size(event.message());
            boolean matches = pattern.matches(event.message());
            boolean pageFull = found.size() == limit || bytes + size > StreamEvents.MAX_PAGE_BYTES && !found.isEmpty();
            if (searched == MAX_SEARCHED || matches && pageFull) {
                return new FilterLogEventsResponse(found, Tokens.filter(last));
            }
            merge.poll();
            searched++;
            last = event.key();
            if (matches) {
                found.add(new FilteredLogEvent(event.logStreamName(), event.key().timestamp(), event.message(),
                        event.ingestionTime(), Tokens.eventId(event.key())));
                bytes += size;
            }
        }
    }

    /**
     * The events of several streams in key order, each stream read lazily in batches from a
     * common position. Only events within the search's time range stop being read, by the caller.
     */
    private static final class Merge {
        private final Documents documents;
        private final String scope;
        private final String group;
        private final PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing(c -> c.buffer.peek().key()));

        Merge(Documents documents, String scope, String group, List<StoredStream> streams, EventKey from) {
            this.documents = documents;
            this.scope = scope;
            this.group = group;
            for (StoredStream stream : streams) {
                Cursor cursor = new Cursor(stream.logStreamName(), from);
                if (cursor.fill()) {
                    heads.add(cursor);
                }
            }
        }

        Optional<StoredEvent> peek() {
            return Optional.ofNullable(heads.peek()).map(cursor -> cursor.buffer.peek());
        }

        void poll() {
            Cursor cursor = heads.poll();
            cursor.buffer.poll();
            if (cursor.fill()) {
                heads.add(cursor);
            }
        }

        /** One stream's unread events: a buffered batch and where the next batch starts. */
        private final class Cursor {
            private final String stream;
            private final Deque<StoredEvent> buffer = new ArrayDeque<>();
            private EventKey next;
            private boolean exhausted;

            Cursor(String stream, EventKey from) {
                this.stream = stream;
                this.next = from;
            }

            /** Whether there is an event to read, reading a batch when the buffer is empty. */
            boolean fill() {
                if (buffer.isEmpty() && !exhausted) {
                    List<StoredEvent> batch = LogsRepository.eventsFrom(documents, scope, group, stream, next, BATCH);
                    buffer.addAll(batch);
                    exhausted = batch.size() < BATCH;
                    if (!batch.isEmpty()) {
                        next = batch.getLast().key().next();
                    }
                }
                return !buffer.isEmpty();
            }
        }
    }
}
