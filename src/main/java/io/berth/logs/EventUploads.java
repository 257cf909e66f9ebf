package io.berth.logs;

import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.logs.model.PutLogEventsRequest;
import io.berth.logs.model.PutLogEventsResponse;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.List;

/** PutLogEvents: a batch checked as AWS checks it, stored durably before the answer. */
final class EventUploads {

    private final Store store;
    private final InstantSource clock;

    EventUploads(Store store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    PutLogEventsResponse putLogEvents(RequestContext context, PutLogEventsRequest request) {
        String group = Constraints.groupName(request.logGroupName(), "logGroupName");
        String stream = Constraints.streamName(request.logStreamName(), "logStreamName");
        List<LogEvents.Event> events = BatchRules.events(request.logEvents());
        long now = clock.millis();
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            StoredGroup storedGroup = LogsRepository.requireGroup(documents, scope, group);
            StoredStream storedStream = LogsRepository.requireStream(documents, scope, group, stream);
            BatchRules.Verdict verdict = BatchRules.judge(events, now, storedGroup.retentionInDays());
            StoredStream updated = LogsRepository.append(documents, scope, storedGroup, storedStream,
                    verdict.accepted(), now);
            return new PutLogEventsResponse(Tokens.sequence(updated.uploads()), verdict.rejected());
        });
    }
}
