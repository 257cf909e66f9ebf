package io.berth.logs;

import io.berth.edge.RequestContext;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.logs.model.CreateLogStreamRequest;
import io.berth.logs.model.DeleteLogStreamRequest;
import io.berth.logs.model.DescribeLogStreamsRequest;
import io.berth.logs.model.DescribeLogStreamsResponse;
import io.berth.logs.model.Empty;
import io.berth.logs.model.LogStream;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The log stream operations: create, delete and describe. */
final class LogStreams {

    private static final String BY_NAME = "LogStreamName";
    private static final String BY_LAST_EVENT = "LastEventTime";
    private static final int MAX_LIMIT = 50;

    private final Store store;
    private final InstantSource clock;

    LogStreams(Store store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    Empty createLogStream(RequestContext context, CreateLogStreamRequest request) {
        String group = Constraints.groupName(request.logGroupName(), "logGroupName");
        String name = Constraints.streamName(request.logStreamName(), "logStreamName");
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            LogsRepository.requireGroup(documents, scope, group);
            if (LogsRepository.findStream(documents, scope, group, name).isPresent()) {
                throw LogsErrors.streamExists();
            }
            LogsRepository.saveStream(documents, scope, group, StoredStream.created(name, clock.millis()));
            return new Empty();
        });
    }

    Empty deleteLogStream(RequestContext context, DeleteLogStreamRequest request) {
        String groupName = Constraints.groupName(request.logGroupName(), "logGroupName");
        String name = Constraints.streamName(request.logStreamName(), "logStreamName");
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            StoredGroup group = LogsRepository.requireGroup(documents, scope, groupName);
            StoredStream stream = LogsRepository.requireStream(documents, scope, groupName, name);
            if (group.deletionProtectionEnabled()) {
                throw LogsErrors.validation("Cannot delete log stream in a log group with deletion protection enabled. "
                        + "Disable deletion protection first.");
            }
            LogsRepository.deleteStream(documents, scope, group, stream);
            return new Empty();
        });
    }

    DescribeLogStreamsResponse describeLogStreams(RequestContext context, DescribeLogStreamsRequest request) {
        String group = LogsArns.groupReference(context, request.logGroupName(), request.logGroupIdentifier());
        String prefix = Constraints.streamNamePrefix(request.logStreamNamePrefix(), "logStreamNamePrefix");
        String orderBy = Constraints.oneOf(request.orderBy(), "orderBy", Set.of(BY_NAME, BY_LAST_EVENT));
        boolean byLastEvent = BY_LAST_EVENT.equals(orderBy);
        if (byLastEvent && prefix != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        boolean descending = Boolean.TRUE.equals(request.descending());
        int limit = Constraints.limit(request.limit(), MAX_LIMIT, MAX_LIMIT);
        String scope = Scope.of(context).key();
        PageTokens.Page<StoredStream> page = store.read(documents -> {
            LogsRepository.requireGroup(documents, scope, group);
            return byLastEvent ? byLastEvent(documents, scope, group, request.nextToken(), limit, descending)
                    : Tokens.PAGES.page(request.nextToken(), limit, (after, size) -> LogsRepository.streams(documents,
                            scope, group, prefix == null ? "" : prefix, after, size, descending),
                    stream -> true, StoredStream::logStreamName);
        });
        return new DescribeLogStreamsResponse(page.items().stream().map(s -> view(context, group, s)).toList(),
                page.nextToken());
    }

    /**
     * Streams ordered by their latest event (those without events first), then by name. The store
     * keeps streams in name order only, so this orders the group's streams in memory.
     */
    private static PageTokens.Page<StoredStream> byLastEvent(Documents documents, String scope, String group,
                                                        String nextToken, int limit, boolean descending) {
        Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        String after = Tokens.pageResume(nextToken);
        List<StoredStream> sorted = LogsRepository.streams(documents, scope, group, "", null, Integer.MAX_VALUE, false)
                .stream()
                .filter(stream -> after == null || order.compare(lastEventOrder(stream), after) > 0)
                .sorted(Comparator.comparing(LogStreams::lastEventOrder, order))
                .limit(limit + 1L)
                .toList();
        if (sorted.size() <= limit) {
            return new PageTokens.Page<>(sorted, null);
        }
        List<StoredStream> page = sorted.subList(0, limit);
        return new PageTokens.Page<>(page, Tokens.page(lastEventOrder(page.getLast())));
    }

    /** A stream's place in LastEventTime order: its zero-padded latest event timestamp, then its name. */
    private static String lastEventOrder(StoredStream stream) {
        long last = stream.lastEventTimestamp() == null ? 0 : stream.lastEventTimestamp() + 1;
        return String.format("%014d", last) + " " + stream.logStreamName();
    }

    /** storedBytes is 0 for every stream, as AWS has reported it since 2019. */
    private static LogStream view(RequestContext context, String group, StoredStream stream) {
        return new LogStream(stream.logStreamName(), stream.creationTime(), stream.firstEventTimestamp(),
                stream.lastEventTimestamp(), stream.lastIngestionTime(),
                stream.uploads() == 0 ? null : Tokens.sequence(stream.uploads()),
                LogsArns.logStream(context, group, stream.logStreamName()), 0L);
    }
}
