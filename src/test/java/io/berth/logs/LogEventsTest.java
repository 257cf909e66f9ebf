package io.berth.logs;

import io.berth.edge.AwsException;
import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.logs.model.FilterLogEventsRequest;
import io.berth.logs.model.FilterLogEventsResponse;
import io.berth.logs.model.FilteredLogEvent;
import io.berth.logs.model.GetLogEventsRequest;
import io.berth.logs.model.GetLogEventsResponse;
import io.berth.logs.model.OutputLogEvent;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What the task controller writes through {@link LogEvents} is what the CloudWatch Logs API reads back. */
class LogEventsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final String GROUP = "/ecs/web";
    private static final String STREAM = "ecs/app/0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    Store store;
    LogEvents logs;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        logs = new LogEvents(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendedEventsAreWhatGetLogEventsReturnsInTimeOrder() {
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM);
        long t = now.get();
        logs.append(ACCOUNT, REGION, GROUP, STREAM, List.of(
                new LogEvents.Event(t + 2, "third"), new LogEvents.Event(t, "first"), new LogEvents.Event(t + 2, "fourth")));
        now.addAndGet(1000);
        // A later batch may carry an earlier line: it is stored in its place by time.
        logs.append(ACCOUNT, REGION, GROUP, STREAM, List.of(new LogEvents.Event(t + 1, "second")));

        GetLogEventsResponse page = getLogEvents(new GetLogEventsRequest(GROUP, null, STREAM, null, null, null, null,
                true, null));

        assertThat(page.events()).containsExactly(
                new OutputLogEvent(t, "first", t),
                new OutputLogEvent(t + 1, "second", t + 1000),
                new OutputLogEvent(t + 2, "third", t),
                new OutputLogEvent(t + 2, "fourth", t));
        assertThat(logs.lastEventTimestamp(ACCOUNT, REGION, GROUP, STREAM)).isEqualTo(OptionalLong.of(t + 2));
    }

    @Test
    void aPageHoldsAtMostOneMebibyteOfEvents() {
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM);
        String big = "x".repeat(400_000);
        long t = now.get();
        logs.append(ACCOUNT, REGION, GROUP, STREAM, List.of(
                new LogEvents.Event(t, big), new LogEvents.Event(t + 1, big), new LogEvents.Event(t + 2, big)));

        GetLogEventsResponse first = getLogEvents(new GetLogEventsRequest(GROUP, null, STREAM, null, null, null, null,
                true, null));
        GetLogEventsResponse rest = getLogEvents(new GetLogEventsRequest(GROUP, null, STREAM, null, null,
                first.nextForwardToken(), null, true, null));

        assertThat(first.events()).extracting(OutputLogEvent::timestamp).containsExactly(t, t + 1);
        assertThat(rest.events()).extracting(OutputLogEvent::timestamp).containsExactly(t + 2);
    }

    @Test
    void eventsSurviveReopeningTheStore() {
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM);
        logs.append(ACCOUNT, REGION, GROUP, STREAM, List.of(new LogEvents.Event(now.get(), "kept")));
        store.close();

        open();

        assertThat(getLogEvents(new GetLogEventsRequest(GROUP, null, STREAM, null, null, null, null, null, null))
                .events()).extracting(OutputLogEvent::message).containsExactly("kept");
    }

    @Test
    void createIfAbsentIsIdempotentAndKeepsEvents() {
        assertThat(logs.groupExists(ACCOUNT, REGION, GROUP)).isFalse();
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM);
        logs.append(ACCOUNT, REGION, GROUP, STREAM, List.of(new LogEvents.Event(now.get(), "once")));

        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM);

        assertThat(logs.groupExists(ACCOUNT, REGION, GROUP)).isTrue();
        assertThat(logs.groupExists(ACCOUNT, "us-east-1", GROUP)).as("another region").isFalse();
        assertThat(logs.groupExists("000000000000", REGION, GROUP)).as("another account").isFalse();
        assertThat(getLogEvents(new GetLogEventsRequest(GROUP, null, STREAM, null, null, null, null, null, null))
                .events()).hasSize(1);
    }

    @Test
    void aStreamWithoutEventsHasNoLastEventTimestamp() {
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM);

        assertThat(logs.lastEventTimestamp(ACCOUNT, REGION, GROUP, STREAM)).isEmpty();
        assertThat(logs.lastEventTimestamp(ACCOUNT, REGION, GROUP, "missing")).isEmpty();
    }

    @Test
    void appendingToAMissingGroupOrStreamFailsAsTheApiWould() {
        assertThatThrownBy(() -> logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, STREAM))
                .isInstanceOf(AwsException.class).hasMessage("The specified log group does not exist.");
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        assertThatThrownBy(() -> logs.append(ACCOUNT, REGION, GROUP, STREAM, List.of(new LogEvents.Event(1, "x"))))
                .isInstanceOf(AwsException.class).hasMessage("The specified log stream does not exist.");
    }

    @Test
    void namesAreCheckedAsTheApiChecksThem() {
        assertThatThrownBy(() -> logs.createGroupIfAbsent(ACCOUNT, REGION, "has space"))
                .isInstanceOf(AwsException.class).hasMessageContaining("regular expression pattern");
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        assertThatThrownBy(() -> logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, "a:b"))
                .isInstanceOf(AwsException.class).hasMessageContaining("[^:*]*");
    }

    @Test
    void filterLogEventsInterleavesStreamsWrittenInProcess() {
        logs.createGroupIfAbsent(ACCOUNT, REGION, GROUP);
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, "a");
        logs.createStreamIfAbsent(ACCOUNT, REGION, GROUP, "b");
        long t = now.get();
        logs.append(ACCOUNT, REGION, GROUP, "a", List.of(new LogEvents.Event(t, "a1"), new LogEvents.Event(t + 2, "a2")));
        logs.append(ACCOUNT, REGION, GROUP, "b", List.of(new LogEvents.Event(t + 1, "b1"), new LogEvents.Event(t + 3, "b2")));

        FilterLogEventsResponse found = invoke("FilterLogEvents", new FilterLogEventsRequest(GROUP, null, null, null,
                null, null, null, null, null, null, null));

        assertThat(found.events()).extracting(FilteredLogEvent::logStreamName, FilteredLogEvent::message)
                .containsExactly(tuple("a", "a1"), tuple("b", "b1"), tuple("a", "a2"), tuple("b", "b2"));
        assertThat(found.events()).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
        assertThat(found.nextToken()).isNull();
    }

    private GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
        return invoke("GetLogEvents", request);
    }

    @SuppressWarnings("unchecked")
    private <R> R invoke(String operation, Object request) {
        RequestContext context = new RequestContext("test", Principal.root(ACCOUNT, "AKIDEXAMPLE"), REGION, clock.instant(),
                "127.0.0.1");
        return (R) LogsApi.definition(store, clock).operations().get(operation).invoke(context, request);
    }
}
