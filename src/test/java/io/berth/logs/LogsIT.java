package io.berth.logs;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.TooManyTagsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ValidationException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** CloudWatch Logs through the AWS SDK for Java v2, every operation Berth serves with its errors. */
class LogsIT {

    private static final String ARN_PREFIX = "arn:aws:logs:us-east-1:" + TestBerth.ACCOUNT + ":log-group:";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        logs = logs("us-east-1");
    }

    @AfterAll
    static void stop() {
        logs.close();
        berth.close();
    }

    static CloudWatchLogsClient logs(String region) {
        return berth.logs(region);
    }

    // --- log groups ---

    @Test
    void createLogGroupThenDescribeItAsAwsDoes() {
        long before = System.currentTimeMillis();
        logs.createLogGroup(r -> r.logGroupName("/it/described").tags(Map.of("team", "core")));

        LogGroup group = onlyGroup("/it/described");

        assertThat(group.logGroupName()).isEqualTo("/it/described");
        assertThat(group.arn()).isEqualTo(ARN_PREFIX + "/it/described:*");
        assertThat(group.logGroupArn()).isEqualTo(ARN_PREFIX + "/it/described");
        assertThat(group.creationTime()).isBetween(before, System.currentTimeMillis());
        assertThat(group.metricFilterCount()).isZero();
        assertThat(group.storedBytes()).isZero();
        assertThat(group.retentionInDays()).isNull();
        assertThat(group.logGroupClass()).isEqualTo(LogGroupClass.STANDARD);
        assertThat(group.deletionProtectionEnabled()).isFalse();
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName("/it/described")).tags()).isEqualTo(Map.of("team", "core"));
    }

    @Test
    void creatingAnExistingLogGroupFails() {
        logs.createLogGroup(r -> r.logGroupName("it-twice"));

        assertAwsError(() -> logs.createLogGroup(r -> r.logGroupName("it-twice")),
                ResourceAlreadyExistsException.class, "The specified log group already exists");
    }

    @Test
    void invalidLogGroupNamesAreRefused() {
        for (String name : List.of("has space", "colon:name", "star*", "x".repeat(513))) {
            assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName(name)))
                    .as(name).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("1 validation error detected");
        }
        logs.createLogGroup(r -> r.logGroupName("Aa0._-/#" + "x".repeat(504)));
    }

    @Test
    void deleteLogGroupRemovesItsStreamsAndEvents() {
        logs.createLogGroup(r -> r.logGroupName("it-deleted"));
        logs.createLogStream(r -> r.logGroupName("it-deleted").logStreamName("s"));
        put("it-deleted", "s", event(System.currentTimeMillis(), "gone"));

        logs.deleteLogGroup(r -> r.logGroupName("it-deleted"));

        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("it-deleted")).logGroups()).isEmpty();
        assertAwsError(() -> logs.deleteLogGroup(r -> r.logGroupName("it-deleted")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        logs.createLogGroup(r -> r.logGroupName("it-deleted"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName("it-deleted")).logStreams()).isEmpty();
        assertThat(onlyGroup("it-deleted").storedBytes()).isZero();
    }

    @Test
    void describeLogGroupsPagesInNameOrder() {
        List<String> names = IntStream.range(0, 5).mapToObj(i -> "it-paged-" + i).toList();
        names.reversed().forEach(name -> logs.createLogGroup(r -> r.logGroupName(name)));

        DescribeLogGroupsResponse first = logs.describeLogGroups(r -> r.logGroupNamePrefix("it-paged-").limit(2));
        assertThat(first.logGroups()).extracting(LogGroup::logGroupName).containsExactly("it-paged-0", "it-paged-1");
        assertThat(first.nextToken()).isNotNull();
        assertThat(logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("it-paged-").limit(2)).logGroups())
                .extracting(LogGroup::logGroupName).containsExactlyElementsOf(names);
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("it-paged-").limit(50)).nextToken()).isNull();
        for (int limit : List.of(0, 51)) {
            assertThatThrownBy(() -> logs.describeLogGroups(r -> r.limit(limit)))
                    .isInstanceOf(InvalidParameterException.class);
        }
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.nextToken("!!")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void describeLogGroupsByPatternClassAndIdentifier() {
        logs.createLogGroup(r -> r.logGroupName("it/pattern/DataLogs"));
        logs.createLogGroup(r -> r.logGroupName("it/pattern/datalogs").logGroupClass(LogGroupClass.INFREQUENT_ACCESS));

        List<LogGroup> byPattern = logs.describeLogGroups(r -> r.logGroupNamePattern("DataLogs")).logGroups();
        assertThat(byPattern).extracting(LogGroup::logGroupName).containsExactly("it/pattern/DataLogs");
        // A pattern search answers with the name, creation time and ARN only, as AWS does.
        assertThat(byPattern.getFirst().arn()).isNotNull();
        assertThat(byPattern.getFirst().logGroupArn()).isNull();
        assertThat(byPattern.getFirst().storedBytes()).isNull();

        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("it/pattern/")
                .logGroupClass(LogGroupClass.INFREQUENT_ACCESS)).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly("it/pattern/datalogs");
        assertThat(logs.describeLogGroups(r -> r.logGroupIdentifiers("it/pattern/datalogs")).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly("it/pattern/datalogs");
        assertThatThrownBy(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix("it").logGroupNamePattern("x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void logGroupsArePerRegion() {
        logs.createLogGroup(r -> r.logGroupName("it-regional"));

        try (CloudWatchLogsClient elsewhere = logs("eu-west-1")) {
            assertThat(elsewhere.describeLogGroups(r -> r.logGroupNamePrefix("it-regional")).logGroups()).isEmpty();
            elsewhere.createLogGroup(r -> r.logGroupName("it-regional"));
            assertThat(elsewhere.describeLogGroups(r -> r.logGroupNamePrefix("it-regional")).logGroups().getFirst().arn())
                    .startsWith("arn:aws:logs:eu-west-1:");
        }
    }

    @Test
    void retentionPolicyIsSetValidatedAndDeleted() {
        logs.createLogGroup(r -> r.logGroupName("it-retention"));

        logs.putRetentionPolicy(r -> r.logGroupName("it-retention").retentionInDays(7));
        assertThat(onlyGroup("it-retention").retentionInDays()).isEqualTo(7);

        for (int days : List.of(0, 2, 8, 3654)) {
            assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("it-retention").retentionInDays(days)))
                    .as("%d days", days).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("Member must satisfy enum value set");
        }
        logs.putRetentionPolicy(r -> r.logGroupName("it-retention").retentionInDays(3653));

        logs.deleteRetentionPolicy(r -> r.logGroupName("it-retention"));
        assertThat(onlyGroup("it-retention").retentionInDays()).isNull();
        assertAwsError(() -> logs.putRetentionPolicy(r -> r.logGroupName("it-no-such-group").retentionInDays(1)),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        assertAwsError(() -> logs.deleteRetentionPolicy(r -> r.logGroupName("it-no-such-group")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
    }

    @Test
    void deletionProtectionBlocksDeletesUntilDisabled() {
        logs.createLogGroup(r -> r.logGroupName("it-protected").deletionProtectionEnabled(true));
        logs.createLogStream(r -> r.logGroupName("it-protected").logStreamName("s"));
        assertThat(onlyGroup("it-protected").deletionProtectionEnabled()).isTrue();

        assertAwsError(() -> logs.deleteLogGroup(r -> r.logGroupName("it-protected")), ValidationException.class,
                "Cannot delete log group with deletion protection enabled. Disable deletion protection first.");
        assertThatThrownBy(() -> logs.deleteLogStream(r -> r.logGroupName("it-protected").logStreamName("s")))
                .isInstanceOf(ValidationException.class);

        logs.putLogGroupDeletionProtection(r -> r.logGroupIdentifier(ARN_PREFIX + "it-protected")
                .deletionProtectionEnabled(false));
        logs.deleteLogGroup(r -> r.logGroupName("it-protected"));
    }

    // --- tags ---

    @Test
    void logGroupTagsThroughTheLogGroupOperations() {
        logs.createLogGroup(r -> r.logGroupName("it-tags-group"));

        logs.tagLogGroup(r -> r.logGroupName("it-tags-group").tags(Map.of("a", "1", "b", "2")));
        logs.tagLogGroup(r -> r.logGroupName("it-tags-group").tags(Map.of("b", "3")));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName("it-tags-group")).tags())
                .isEqualTo(Map.of("a", "1", "b", "3"));

        logs.untagLogGroup(r -> r.logGroupName("it-tags-group").tags("a"));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName("it-tags-group")).tags()).isEqualTo(Map.of("b", "3"));
        assertAwsError(() -> logs.listTagsLogGroup(r -> r.logGroupName("it-no-such-group")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
    }

    @Test
    void logGroupTagsThroughTheResourceOperations() {
        logs.createLogGroup(r -> r.logGroupName("it-tags-arn"));
        String arn = ARN_PREFIX + "it-tags-arn";

        logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("env", "test", "owner", "it")));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .isEqualTo(Map.of("env", "test", "owner", "it"));
        logs.untagResource(r -> r.resourceArn(arn).tagKeys("owner"));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).isEqualTo(Map.of("env", "test"));

        Map<String, String> many = new HashMap<>();
        IntStream.range(0, 50).forEach(i -> many.put("k" + i, "v"));
        assertThatThrownBy(() -> logs.tagResource(r -> r.resourceArn(arn).tags(many)))
                .isInstanceOf(TooManyTagsException.class);
        assertThatThrownBy(() -> logs.tagResource(r -> r.resourceArn(ARN_PREFIX + "it-no-such-group").tags(Map.of("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("bad*key", "v"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    // --- log streams ---

    @Test
    void createAndDescribeLogStreams() {
        logs.createLogGroup(r -> r.logGroupName("it-streams"));
        for (String name : List.of("b", "a", "a b", "c/d [x] ü")) {
            logs.createLogStream(r -> r.logGroupName("it-streams").logStreamName(name));
        }

        List<LogStream> streams = logs.describeLogStreams(r -> r.logGroupName("it-streams")).logStreams();

        assertThat(streams).extracting(LogStream::logStreamName).containsExactly("a", "a b", "b", "c/d [x] ü");
        LogStream a = streams.getFirst();
        assertThat(a.arn()).isEqualTo(ARN_PREFIX + "it-streams:log-stream:a");
        assertThat(a.creationTime()).isPositive();
        assertThat(a.firstEventTimestamp()).isNull();
        assertThat(a.lastEventTimestamp()).isNull();
        assertThat(a.storedBytes()).isZero();
        assertThat(logs.describeLogStreams(r -> r.logGroupName("it-streams").logStreamNamePrefix("a")).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("a", "a b");
        assertThat(logs.describeLogStreams(r -> r.logGroupIdentifier(ARN_PREFIX + "it-streams").descending(true)
                .limit(2)).logStreams()).extracting(LogStream::logStreamName).containsExactly("c/d [x] ü", "b");
        assertThat(logs.describeLogStreamsPaginator(r -> r.logGroupName("it-streams").limit(1)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("a", "a b", "b", "c/d [x] ü");
    }

    @Test
    void logStreamErrors() {
        logs.createLogGroup(r -> r.logGroupName("it-stream-errors"));
        logs.createLogStream(r -> r.logGroupName("it-stream-errors").logStreamName("s"));

        assertAwsError(() -> logs.createLogStream(r -> r.logGroupName("it-stream-errors").logStreamName("s")),
                ResourceAlreadyExistsException.class, "The specified log stream already exists");
        assertAwsError(() -> logs.createLogStream(r -> r.logGroupName("it-no-such-group").logStreamName("s")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        for (String name : List.of("a:b", "a*b", "x".repeat(513))) {
            assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName("it-stream-errors").logStreamName(name)))
                    .as(name).isInstanceOf(InvalidParameterException.class);
        }
        assertAwsError(() -> logs.describeLogStreams(r -> r.logGroupName("it-no-such-group")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("it-stream-errors")
                .orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("s")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("it-stream-errors")
                .logGroupIdentifier("it-stream-errors"))).isInstanceOf(InvalidParameterException.class);

        logs.deleteLogStream(r -> r.logGroupName("it-stream-errors").logStreamName("s"));
        assertAwsError(() -> logs.deleteLogStream(r -> r.logGroupName("it-stream-errors").logStreamName("s")),
                ResourceNotFoundException.class, "The specified log stream does not exist.");
    }

    @Test
    void describeLogStreamsByLastEventTime() {
        logs.createLogGroup(r -> r.logGroupName("it-last-event"));
        long now = System.currentTimeMillis();
        for (String name : List.of("old", "new", "middle", "empty")) {
            logs.createLogStream(r -> r.logGroupName("it-last-event").logStreamName(name));
        }
        put("it-last-event", "old", event(now - 3000, "x"));
        put("it-last-event", "middle", event(now - 2000, "x"));
        put("it-last-event", "new", event(now - 1000, "x"));

        assertThat(logs.describeLogStreams(r -> r.logGroupName("it-last-event").orderBy(OrderBy.LAST_EVENT_TIME))
                .logStreams()).extracting(LogStream::logStreamName).containsExactly("empty", "old", "middle", "new");
        assertThat(logs.describeLogStreamsPaginator(r -> r.logGroupName("it-last-event")
                .orderBy(OrderBy.LAST_EVENT_TIME).descending(true).limit(1)).logStreams())
                .extracting(LogStream::logStreamName).containsExactly("new", "middle", "old", "empty");
    }

    @Test
    void deleteLogStreamRemovesItsEventsAndBytes() {
        logs.createLogGroup(r -> r.logGroupName("it-delete-stream"));
        logs.createLogStream(r -> r.logGroupName("it-delete-stream").logStreamName("kept"));
        logs.createLogStream(r -> r.logGroupName("it-delete-stream").logStreamName("dropped"));
        long now = System.currentTimeMillis();
        put("it-delete-stream", "kept", event(now, "12345"));
        put("it-delete-stream", "dropped", event(now, "1234567890"));
        assertThat(onlyGroup("it-delete-stream").storedBytes()).isEqualTo(15);

        logs.deleteLogStream(r -> r.logGroupName("it-delete-stream").logStreamName("dropped"));

        assertThat(onlyGroup("it-delete-stream").storedBytes()).isEqualTo(5);
        logs.createLogStream(r -> r.logGroupName("it-delete-stream").logStreamName("dropped"));
        assertThat(logs.getLogEvents(r -> r.logGroupName("it-delete-stream").logStreamName("dropped")).events()).isEmpty();
        assertThat(logs.filterLogEvents(r -> r.logGroupName("it-delete-stream")).events())
                .extracting(FilteredLogEvent::message).containsExactly("12345");
    }

    // --- PutLogEvents ---

    @Test
    void putLogEventsStoresEventsAndUpdatesTheStream() {
        logs.createLogGroup(r -> r.logGroupName("it-put"));
        logs.createLogStream(r -> r.logGroupName("it-put").logStreamName("s"));
        long now = System.currentTimeMillis();

        PutLogEventsResponse first = put("it-put", "s", event(now - 10, "one"), event(now - 5, "two"));
        // The sequence token is ignored, as AWS now ignores it.
        PutLogEventsResponse second = logs.putLogEvents(r -> r.logGroupName("it-put").logStreamName("s")
                .sequenceToken("not-the-token").logEvents(event(now, "three")));

        assertThat(first.nextSequenceToken()).isNotBlank();
        assertThat(second.nextSequenceToken()).isNotEqualTo(first.nextSequenceToken());
        assertThat(first.rejectedLogEventsInfo()).isNull();
        LogStream stream = logs.describeLogStreams(r -> r.logGroupName("it-put")).logStreams().getFirst();
        assertThat(stream.firstEventTimestamp()).isEqualTo(now - 10);
        assertThat(stream.lastEventTimestamp()).isEqualTo(now);
        assertThat(stream.lastIngestionTime()).isGreaterThanOrEqualTo(now);
        assertThat(stream.uploadSequenceToken()).isEqualTo(second.nextSequenceToken());
        assertThat(onlyGroup("it-put").storedBytes()).isEqualTo("onetwothree".length());
        GetLogEventsResponse events = logs.getLogEvents(r -> r.logGroupName("it-put").logStreamName("s"));
        assertThat(events.events()).extracting(OutputLogEvent::timestamp, OutputLogEvent::message)
                .containsExactly(tuple(now - 10, "one"), tuple(now - 5, "two"), tuple(now, "three"));
        assertThat(events.events().getFirst().ingestionTime()).isGreaterThanOrEqualTo(now);
    }

    @Test
    void putLogEventsRejectsTooOldAndTooNewEventsButStoresTheRest() {
        logs.createLogGroup(r -> r.logGroupName("it-put-rejected"));
        logs.createLogStream(r -> r.logGroupName("it-put-rejected").logStreamName("s"));
        long now = System.currentTimeMillis();

        PutLogEventsResponse response = put("it-put-rejected", "s",
                event(now - Duration.ofDays(15).toMillis(), "too old"),
                event(now, "fine"),
                event(now + Duration.ofHours(3).toMillis(), "too new"));

        assertThat(response.rejectedLogEventsInfo()).isEqualTo(RejectedLogEventsInfo.builder()
                .tooOldLogEventEndIndex(1).tooNewLogEventStartIndex(2).build());
        assertThat(logs.getLogEvents(r -> r.logGroupName("it-put-rejected").logStreamName("s")).events())
                .extracting(OutputLogEvent::message).containsExactly("fine");

        logs.putRetentionPolicy(r -> r.logGroupName("it-put-rejected").retentionInDays(1));
        assertThat(put("it-put-rejected", "s", event(now - Duration.ofDays(2).toMillis(), "expired"), event(now, "ok"))
                .rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);
    }

    @Test
    void putLogEventsErrors() {
        logs.createLogGroup(r -> r.logGroupName("it-put-errors"));
        logs.createLogStream(r -> r.logGroupName("it-put-errors").logStreamName("s"));
        long now = System.currentTimeMillis();

        assertAwsError(() -> put("it-put-errors", "missing", event(now, "x")),
                ResourceNotFoundException.class, "The specified log stream does not exist.");
        assertAwsError(() -> put("it-no-such-group", "s", event(now, "x")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        assertAwsError(() -> put("it-put-errors", "s", event(now, "later"), event(now - 1, "earlier")),
                InvalidParameterException.class,
                "Log events in a single PutLogEvents request must be in chronological order.");
        assertThatThrownBy(() -> put("it-put-errors", "s", event(now - Duration.ofHours(25).toMillis(), "a"),
                event(now, "b"))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("24 hours");
        assertThatThrownBy(() -> put("it-put-errors", "s", event(now, "x".repeat(1_048_576))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Upload too large");
        InputLogEvent[] tooMany = IntStream.range(0, 10_001).mapToObj(i -> event(now, "x")).toArray(InputLogEvent[]::new);
        assertThatThrownBy(() -> put("it-put-errors", "s", tooMany)).isInstanceOf(InvalidParameterException.class);
        assertThat(logs.getLogEvents(r -> r.logGroupName("it-put-errors").logStreamName("s")).events()).isEmpty();
    }

    // --- GetLogEvents ---

    @Test
    void getLogEventsPagesForwardFromTheHeadAndRepeatsTheTokenAtTheEnd() {
        long t = streamOf25("it-get-forward");

        GetLogEventsResponse first = get("it-get-forward", r -> r.startFromHead(true).limit(10));
        GetLogEventsResponse second = get("it-get-forward", r -> r.startFromHead(true).limit(10)
                .nextToken(first.nextForwardToken()));
        GetLogEventsResponse third = get("it-get-forward", r -> r.startFromHead(true).limit(10)
                .nextToken(second.nextForwardToken()));
        GetLogEventsResponse end = get("it-get-forward", r -> r.startFromHead(true).limit(10)
                .nextToken(third.nextForwardToken()));

        assertThat(messages(first)).containsExactlyElementsOf(range(0, 10));
        assertThat(messages(second)).containsExactlyElementsOf(range(10, 20));
        assertThat(messages(third)).containsExactlyElementsOf(range(20, 25));
        assertThat(first.nextForwardToken()).startsWith("f/");
        assertThat(first.nextBackwardToken()).startsWith("b/");
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(third.nextForwardToken());

        // The poller's case: new events show up behind the repeated token.
        put("it-get-forward", "s", event(t + 100, "late"));
        GetLogEventsResponse polled = get("it-get-forward", r -> r.startFromHead(true).nextToken(end.nextForwardToken()));
        assertThat(messages(polled)).containsExactly("late");
    }

    @Test
    void getLogEventsPagesBackwardFromTheTail() {
        streamOf25("it-get-backward");

        GetLogEventsResponse newest = get("it-get-backward", r -> r.limit(10));
        GetLogEventsResponse older = get("it-get-backward", r -> r.limit(10).nextToken(newest.nextBackwardToken()));
        GetLogEventsResponse oldest = get("it-get-backward", r -> r.limit(10).nextToken(older.nextBackwardToken()));
        GetLogEventsResponse start = get("it-get-backward", r -> r.limit(10).nextToken(oldest.nextBackwardToken()));

        // startFromHead defaults to false: the newest events, still in time order within the page.
        assertThat(messages(newest)).containsExactlyElementsOf(range(15, 25));
        assertThat(messages(older)).containsExactlyElementsOf(range(5, 15));
        assertThat(messages(oldest)).containsExactlyElementsOf(range(0, 5));
        assertThat(start.events()).isEmpty();
        assertThat(start.nextBackwardToken()).isEqualTo(oldest.nextBackwardToken());

        // From the tail, the forward token is at the end of the stream already.
        GetLogEventsResponse after = get("it-get-backward", r -> r.nextToken(newest.nextForwardToken()));
        assertThat(after.events()).isEmpty();
        assertThat(after.nextForwardToken()).isEqualTo(newest.nextForwardToken());
        // And the two directions meet: forward again from the oldest page's backward token.
        assertThat(messages(get("it-get-backward", r -> r.startFromHead(true).limit(3)
                .nextToken(oldest.nextForwardToken())))).containsExactlyElementsOf(range(5, 8));
    }

    @Test
    void getLogEventsPaginatorEndsWhenTheForwardTokenRepeats() {
        streamOf25("it-get-paginator");

        List<String> all = logs.getLogEventsPaginator(r -> r.logGroupName("it-get-paginator").logStreamName("s")
                .startFromHead(true).limit(7)).events().stream().map(OutputLogEvent::message).toList();

        assertThat(all).containsExactlyElementsOf(range(0, 25));
    }

    @Test
    void getLogEventsWithinATimeRange() {
        long t = streamOf25("it-get-range");

        // startTime inclusive, endTime exclusive.
        assertThat(messages(get("it-get-range", r -> r.startFromHead(true).startTime(t + 3).endTime(t + 6))))
                .containsExactly("e3", "e4", "e5");
        assertThat(messages(get("it-get-range", r -> r.startTime(t + 3).endTime(t + 6).limit(2))))
                .containsExactly("e4", "e5");
        GetLogEventsResponse empty = get("it-get-range", r -> r.startTime(t + 1000));
        assertThat(empty.events()).isEmpty();
        assertThat(empty.nextForwardToken()).isNotNull();
        assertThat(empty.nextBackwardToken()).isNotNull();
    }

    @Test
    void getLogEventsErrors() {
        streamOf25("it-get-errors");

        assertAwsError(() -> logs.getLogEvents(r -> r.logGroupName("it-get-errors").logStreamName("missing")),
                ResourceNotFoundException.class, "The specified log stream does not exist.");
        assertAwsError(() -> logs.getLogEvents(r -> r.logGroupName("it-no-such-group").logStreamName("s")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        assertAwsError(() -> get("it-get-errors", r -> r.nextToken("f/garbage")),
                InvalidParameterException.class, "The specified nextToken is invalid.");
        assertThatThrownBy(() -> get("it-get-errors", r -> r.limit(10_001)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.getLogEvents(r -> r.logGroupName("it-get-errors")
                .logGroupIdentifier("it-get-errors").logStreamName("s"))).isInstanceOf(InvalidParameterException.class);
        assertThat(logs.getLogEvents(r -> r.logGroupIdentifier(ARN_PREFIX + "it-get-errors").logStreamName("s"))
                .events()).hasSize(25);
    }

    // --- FilterLogEvents ---

    @Test
    void filterLogEventsInterleavesStreamsAndMatchesTerms() {
        logs.createLogGroup(r -> r.logGroupName("it-filter"));
        logs.createLogStream(r -> r.logGroupName("it-filter").logStreamName("web/1"));
        logs.createLogStream(r -> r.logGroupName("it-filter").logStreamName("web/2"));
        logs.createLogStream(r -> r.logGroupName("it-filter").logStreamName("worker"));
        long t = System.currentTimeMillis() - 1000;
        put("it-filter", "web/1", event(t, "[ERROR] disk full"), event(t + 3, "[INFO] ok"));
        put("it-filter", "web/2", event(t + 1, "[INFO] started"), event(t + 4, "[ERROR] timeout talking to db"));
        put("it-filter", "worker", event(t + 2, "[ERROR] disk full again"));

        List<FilteredLogEvent> all = logs.filterLogEvents(r -> r.logGroupName("it-filter")).events();
        assertThat(all).extracting(FilteredLogEvent::logStreamName, FilteredLogEvent::timestamp).containsExactly(
                tuple("web/1", t), tuple("web/2", t + 1), tuple("worker", t + 2), tuple("web/1", t + 3),
                tuple("web/2", t + 4));
        assertThat(all).extracting(FilteredLogEvent::eventId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(all.getFirst().ingestionTime()).isPositive();

        assertThat(filtered(r -> r.filterPattern("ERROR"))).containsExactly(
                "[ERROR] disk full", "[ERROR] disk full again", "[ERROR] timeout talking to db");
        assertThat(filtered(r -> r.filterPattern("ERROR -again disk"))).containsExactly("[ERROR] disk full");
        assertThat(filtered(r -> r.filterPattern("\"talking to\""))).containsExactly("[ERROR] timeout talking to db");
        assertThat(filtered(r -> r.logStreamNamePrefix("web/").filterPattern("ERROR")))
                .containsExactly("[ERROR] disk full", "[ERROR] timeout talking to db");
        assertThat(filtered(r -> r.logStreamNames("worker", "web/2", "no-such-stream")))
                .containsExactly("[INFO] started", "[ERROR] disk full again", "[ERROR] timeout talking to db");
        // startTime and endTime are both inclusive here.
        assertThat(filtered(r -> r.startTime(t + 1).endTime(t + 3)))
                .containsExactly("[INFO] started", "[ERROR] disk full again", "[INFO] ok");
    }

    @Test
    void filterLogEventsPagesWithNextToken() {
        streamOf25("it-filter-pages");

        FilterLogEventsResponse first = logs.filterLogEvents(r -> r.logGroupName("it-filter-pages").limit(10));
        assertThat(first.events()).extracting(FilteredLogEvent::message).containsExactlyElementsOf(range(0, 10));
        assertThat(first.nextToken()).isNotNull();
        FilterLogEventsResponse second = logs.filterLogEvents(r -> r.logGroupName("it-filter-pages").limit(10)
                .nextToken(first.nextToken()));
        assertThat(second.events()).extracting(FilteredLogEvent::message).containsExactlyElementsOf(range(10, 20));

        assertThat(logs.filterLogEventsPaginator(r -> r.logGroupName("it-filter-pages").limit(4)).events())
                .extracting(FilteredLogEvent::message).containsExactlyElementsOf(range(0, 25));
        assertThat(logs.filterLogEvents(r -> r.logGroupName("it-filter-pages").limit(25)).nextToken()).isNull();
        // A pattern that matches the last event on a page's boundary still ends without a token.
        assertThat(logs.filterLogEvents(r -> r.logGroupName("it-filter-pages").filterPattern("e24").limit(1))
                .nextToken()).isNull();
    }

    @Test
    void filterLogEventsErrors() {
        streamOf25("it-filter-errors");

        assertAwsError(() -> logs.filterLogEvents(r -> r.logGroupName("it-no-such-group")),
                ResourceNotFoundException.class, "The specified log group does not exist.");
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("it-filter-errors")
                .logStreamNames("s").logStreamNamePrefix("s"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("it-filter-errors")
                .filterPattern("user@example.com"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid character(s) in term");
        assertThatThrownBy(() -> logs.filterLogEvents(r -> r.logGroupName("it-filter-errors").nextToken("nope")))
                .isInstanceOf(InvalidParameterException.class);
    }

    // --- helpers ---

    /** A group with one stream "s" of 25 events e0..e24, one millisecond apart; returns the first timestamp. */
    private static long streamOf25(String group) {
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        long t = System.currentTimeMillis() - 1000;
        put(group, "s", IntStream.range(0, 25).mapToObj(i -> event(t + i, "e" + i)).toArray(InputLogEvent[]::new));
        return t;
    }

    private static List<String> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "e" + i).toList();
    }

    private static GetLogEventsResponse get(String group, Consumer<GetLogEventsRequest.Builder> options) {
        return logs.getLogEvents(r -> options.accept(r.logGroupName(group).logStreamName("s")));
    }

    private static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    private static List<String> filtered(Consumer<FilterLogEventsRequest.Builder> options) {
        return logs.filterLogEvents(r -> options.accept(r.logGroupName("it-filter"))).events().stream()
                .map(FilteredLogEvent::message).toList();
    }

    private static PutLogEventsResponse put(String group, String stream, InputLogEvent... events) {
        return logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    private static LogGroup onlyGroup(String name) {
        List<LogGroup> groups = logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                .filter(g -> g.logGroupName().equals(name)).toList();
        assertThat(groups).hasSize(1);
        return groups.getFirst();
    }

    private static void assertAwsError(Runnable call, Class<? extends AwsServiceException> type, String message) {
        assertThatThrownBy(call::run).isInstanceOf(type)
                .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage()).isEqualTo(message));
    }
}
