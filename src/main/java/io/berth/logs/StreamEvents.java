package io.berth.logs;

import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.logs.model.GetLogEventsRequest;
import io.berth.logs.model.GetLogEventsResponse;
import io.berth.logs.model.OutputLogEvent;
import io.berth.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * GetLogEvents: a page of one stream's events, read forwards or backwards from a position.
 * A token names the gap before an {@link EventKey}: forwards reads the events at or after it,
 * backwards those before it. A page's forward token is the gap after its last event and its
 * backward token the gap before its first; an empty page hands back the position it was asked
 * for, so a poller that reaches the end of a stream keeps getting the token it sent until new
 * events arrive.
 */
final class StreamEvents {

    static final int MAX_EVENTS = 10_000;
    /** AWS fills a page with as many events as fit in 1 MB. */
    static final long MAX_PAGE_BYTES = 1_048_576;

    private final Store store;

    StreamEvents(Store store) {
        this.store = store;
    }

    GetLogEventsResponse getLogEvents(RequestContext context, GetLogEventsRequest request) {
        String group = LogsArns.groupReference(context, request.logGroupName(), request.logGroupIdentifier());
        String stream = Constraints.streamName(request.logStreamName(), "logStreamName");
        Long startTime = Constraints.timestamp(request.startTime(), "startTime");
        Long endTime = Constraints.timestamp(request.endTime(), "endTime");
        int limit = Constraints.limit(request.limit(), MAX_EVENTS, MAX_EVENTS);
        Tokens.Position position = request.nextToken() == null ? null : Tokens.position(request.nextToken());
        // Events at or after startTime and before endTime: the bounds as gaps (no upper bound: the end of the stream).
        EventKey lower = EventKey.at(startTime == null ? 0 : startTime);
        EventKey upper = endTime == null ? null : EventKey.at(endTime);
        boolean forward = position != null ? position.forward() : Boolean.TRUE.equals(request.startFromHead());
        String scope = Scope.of(context).key();
        return store.read(documents -> {
            LogsRepository.requireGroup(documents, scope, group);
            LogsRepository.requireStream(documents, scope, group, stream);
            if (forward) {
                EventKey from = position == null || position.gap().compareTo(lower) < 0 ? lower : position.gap();
                List<StoredEvent> page = fill(LogsRepository.eventsFrom(documents, scope, group, stream, from, limit),
                        event -> upper == null || event.key().compareTo(upper) < 0);
                return answer(page, position == null ? lower : position.gap());
            }
            EventKey before = position == null ? upper
                    : upper == null || position.gap().compareTo(upper) < 0 ? position.gap() : upper;
            List<StoredEvent> page = fill(LogsRepository.eventsBefore(documents, scope, group, stream, before, limit),
                    event -> event.key().compareTo(lower) >= 0).reversed();
            return answer(page, position != null ? position.gap() : upper != null ? upper : lower);
        });
    }

    /** The events, in the order read, up to the first outside the bounds or over the page size. */
    private static List<StoredEvent> fill(List<StoredEvent> read, Predicate<StoredEvent> inBounds) {
        List<StoredEvent> page = new ArrayList<>();
        long bytes = 0;
        for (StoredEvent event : read) {
            bytes += BatchRules.size(event.message());
            if (!inBounds.test(event) || bytes > MAX_PAGE_BYTES && !page.isEmpty()) {
                break;
            }
            page.add(event);
        }
        return page;
    }

    /** A page in time order with its tokens; an empty page stays at {@code gap}. */
    private static GetLogEventsResponse answer(List<StoredEvent> page, EventKey gap) {
        if (page.isEmpty()) {
            return new GetLogEventsResponse(List.of(), Tokens.forward(gap), Tokens.backward(gap));
        }
        return new GetLogEventsResponse(
                page.stream().map(e -> new OutputLogEvent(e.key().timestamp(), e.message(), e.ingestionTime())).toList(),
                Tokens.forward(page.getLast().key().next()), Tokens.backward(page.getFirst().key()));
    }
}
