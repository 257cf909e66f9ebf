package io.berth.logs;

import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Log groups, streams and events in the store: the one storage code behind both the API and
 * {@link LogEvents}. Within an account and region:
 * <ul>
 *   <li>a group is keyed by its name;</li>
 *   <li>a stream by "group stream" — group names cannot hold a space, so "group " prefixes
 *       exactly that group's streams, in stream name order;</li>
 *   <li>an event by "group stream:" and its {@link EventKey} id — stream names cannot hold ':',
 *       so "group stream:" prefixes exactly that stream's events, in time then arrival order,
 *       whatever else the stream name holds.</li>
 * </ul>
 * Counters an event changes (the stream's timestamps and bytes, the group's bytes and sequence)
 * are written in the same transaction as the event.
 */
final class LogsRepository {

    private static final String GROUP = "logs.group";
    private static final String STREAM = "logs.stream";
    private static final String EVENT = "logs.event";
    private static final int DELETE_BATCH = 1000;

    private LogsRepository() {
    }

    /** What an event document holds besides its key, which its id carries. */
    private record EventBody(String message, long ingestionTime) implements StoredDocument {
    }

    static Optional<StoredGroup> findGroup(Documents documents, String scope, String name) {
        return documents.get(GROUP, scope, name).map(json -> StoredJson.read(json, StoredGroup.class));
    }

    static StoredGroup requireGroup(Documents documents, String scope, String name) {
        return findGroup(documents, scope, name).orElseThrow(LogsErrors::groupNotFound);
    }

    static void saveGroup(Documents documents, String scope, StoredGroup group) {
        documents.put(GROUP, scope, group.logGroupName(), StoredJson.write(group));
    }

    /** Groups whose name starts with {@code prefix}, in name order after {@code afterName}. */
    static List<StoredGroup> groups(Documents documents, String scope, String prefix, String afterName, int limit) {
        return documents.list(new Documents.Query(GROUP, scope, prefix, afterName, limit, false)).stream()
                .map(d -> StoredJson.read(d.body(), StoredGroup.class)).toList();
    }

    /** Deletes a group with all its streams and their events. */
    static void deleteGroup(Documents documents, String scope, StoredGroup group) {
        String name = group.logGroupName();
        List<StoredStream> streams;
        while (!(streams = streams(documents, scope, name, "", null, DELETE_BATCH, false)).isEmpty()) {
            for (StoredStream stream : streams) {
                deleteEvents(documents, scope, name, stream.logStreamName());
                documents.delete(STREAM, scope, streamId(name, stream.logStreamName()));
            }
        }
        documents.delete(GROUP, scope, name);
    }

    static Optional<StoredStream> findStream(Documents documents, String scope, String group, String stream) {
        return documents.get(STREAM, scope, streamId(group, stream)).map(json -> StoredJson.read(json, StoredStream.class));
    }

    static StoredStream requireStream(Documents documents, String scope, String group, String stream) {
        return findStream(documents, scope, group, stream).orElseThrow(LogsErrors::streamNotFound);
    }

    static void saveStream(Documents documents, String scope, String group, StoredStream stream) {
        documents.put(STREAM, scope, streamId(group, stream.logStreamName()), StoredJson.write(stream));
    }

    /** A group's streams whose name starts with {@code prefix}, in name order from {@code afterName} (exclusive). */
    static List<StoredStream> streams(Documents documents, String scope, String group, String prefix,
                                      String afterName, int limit, boolean descending) {
        return documents.list(new Documents.Query(STREAM, scope, streamId(group, prefix),
                        afterName == null ? null : streamId(group, afterName), limit, descending)).stream()
                .map(d -> StoredJson.read(d.body(), StoredStream.class)).toList();
    }

    /** Deletes a stream and its events, and takes its bytes off the group's. */
    static void deleteStream(Documents documents, String scope, StoredGroup group, StoredStream stream) {
        deleteEvents(documents, scope, group.logGroupName(), stream.logStreamName());
        documents.delete(STREAM, scope, streamId(group.logGroupName(), stream.logStreamName()));
        saveGroup(documents, scope, group.withUsage(group.storedBytes() - stream.storedBytes(), group.lastSequence()));
    }

    /**
     * Stores events (in timestamp order) in a stream, each under the group's next sequence number,
     * and returns the stream as updated. An empty list changes nothing.
     */
    static StoredStream append(Documents documents, String scope, StoredGroup group, StoredStream stream,
                               List<LogEvents.Event> chronological, long ingestionTime) {
        if (chronological.isEmpty()) {
            return stream;
        }
        String prefix = eventPrefix(group.logGroupName(), stream.logStreamName());
        long sequence = group.lastSequence();
        long bytes = 0;
        for (LogEvents.Event event : chronological) {
            EventKey key = new EventKey(event.timestamp(), ++sequence);
            documents.put(EVENT, scope, prefix + key.id(), StoredJson.write(new EventBody(event.message(), ingestionTime)));
            bytes += event.message().getBytes(StandardCharsets.UTF_8).length;
        }
        StoredStream updated = stream.withUpload(chronological.getFirst().timestamp(),
                chronological.getLast().timestamp(), ingestionTime, bytes);
        saveStream(documents, scope, group.logGroupName(), updated);
        saveGroup(documents, scope, group.withUsage(group.storedBytes() + bytes, sequence));
        return updated;
    }

    /** Up to {@code limit} events of a stream at or after {@code from}, oldest first. */
    static List<StoredEvent> eventsFrom(Documents documents, String scope, String group, String stream,
                                        EventKey from, int limit) {
        String prefix = eventPrefix(group, stream);
        String after = from.previous().map(key -> prefix + key.id()).orElse(null);
        return events(documents, scope, stream, new Documents.Query(EVENT, scope, prefix, after, limit, false));
    }

    /** Up to {@code limit} events of a stream before {@code before} (or the newest, when null), newest first. */
    static List<StoredEvent> eventsBefore(Documents documents, String scope, String group, String stream,
                                          EventKey before, int limit) {
        String prefix = eventPrefix(group, stream);
        String after = before == null ? null : prefix + before.id();
        return events(documents, scope, stream, new Documents.Query(EVENT, scope, prefix, after, limit, true));
    }

    private static List<StoredEvent> events(Documents documents, String scope, String stream, Documents.Query query) {
        int keyAt = query.idPrefix().length();
        return documents.list(query).stream().map(d -> {
            EventBody body = StoredJson.read(d.body(), EventBody.class);
            return new StoredEvent(stream, EventKey.ofId(d.id().substring(keyAt)), body.message(), body.ingestionTime());
        }).toList();
    }

    private static void deleteEvents(Documents documents, String scope, String group, String stream) {
        Documents.Query batch = new Documents.Query(EVENT, scope, eventPrefix(group, stream), null, DELETE_BATCH, false);
        List<Documents.Document> events;
        while (!(events = documents.list(batch)).isEmpty()) {
            events.forEach(event -> documents.delete(EVENT, scope, event.id()));
        }
    }

    private static String streamId(String group, String stream) {
        return group + " " + stream;
    }

    private static String eventPrefix(String group, String stream) {
        return streamId(group, stream) + ":";
    }
}
