package io.berth.logs;

import io.berth.edge.Operation;
import io.berth.edge.ResourceResolver;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceModule;
import io.berth.logs.model.CreateLogGroupRequest;
import io.berth.logs.model.CreateLogStreamRequest;
import io.berth.logs.model.DeleteLogGroupRequest;
import io.berth.logs.model.DeleteLogStreamRequest;
import io.berth.logs.model.DeleteRetentionPolicyRequest;
import io.berth.logs.model.DescribeLogGroupsRequest;
import io.berth.logs.model.DescribeLogStreamsRequest;
import io.berth.logs.model.FilterLogEventsRequest;
import io.berth.logs.model.GetLogEventsRequest;
import io.berth.logs.model.ListTagsForResourceRequest;
import io.berth.logs.model.ListTagsLogGroupRequest;
import io.berth.logs.model.PutLogEventsRequest;
import io.berth.logs.model.PutLogGroupDeletionProtectionRequest;
import io.berth.logs.model.PutRetentionPolicyRequest;
import io.berth.logs.model.TagLogGroupRequest;
import io.berth.logs.model.TagResourceRequest;
import io.berth.logs.model.UntagLogGroupRequest;
import io.berth.logs.model.UntagResourceRequest;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Amazon CloudWatch Logs as the edge serves it: AWS JSON 1.1, every operation declared once.
 * IAM sees the ARN of the log group an operation names, in its {@code :*} form, and "*" when
 * none is named; the tagging operations are authorized on the ARN they are given.
 */
public final class LogsApi {

    public static final String TARGET_PREFIX = "Logs_20140328";

    private LogsApi() {
    }

    /** The Logs API, whose log groups' tags policies read as aws:ResourceTag/… keys. */
    public static ServiceModule module(Store store, InstantSource clock) {
        return ServiceModule.of(definition(store, clock), "logs").withTags(new GroupTags(store)::of);
    }

    public static ServiceDefinition definition(Store store, InstantSource clock) {
        LogGroups groups = new LogGroups(store, clock);
        GroupTags tags = new GroupTags(store);
        LogStreams streams = new LogStreams(store, clock);
        EventUploads uploads = new EventUploads(store, clock);
        StreamEvents streamEvents = new StreamEvents(store);
        EventSearch search = new EventSearch(store);
        return new ServiceDefinition.Json("logs", TARGET_PREFIX, List.of(
                Operation.named("logs", "CreateLogGroup", CreateLogGroupRequest.class)
                        .on(group(CreateLogGroupRequest::logGroupName)).handledBy(groups::createLogGroup),
                Operation.named("logs", "DeleteLogGroup", DeleteLogGroupRequest.class)
                        .on(group(DeleteLogGroupRequest::logGroupName)).handledBy(groups::deleteLogGroup),
                Operation.named("logs", "DescribeLogGroups", DescribeLogGroupsRequest.class)
                        .on(ResourceResolver.any()).handledBy(groups::describeLogGroups),
                Operation.named("logs", "PutRetentionPolicy", PutRetentionPolicyRequest.class)
                        .on(group(PutRetentionPolicyRequest::logGroupName)).handledBy(groups::putRetentionPolicy),
                Operation.named("logs", "DeleteRetentionPolicy", DeleteRetentionPolicyRequest.class)
                        .on(group(DeleteRetentionPolicyRequest::logGroupName))
                        .handledBy(groups::deleteRetentionPolicy),
                Operation.named("logs", "PutLogGroupDeletionProtection", PutLogGroupDeletionProtectionRequest.class)
                        .on(group(PutLogGroupDeletionProtectionRequest::logGroupIdentifier))
                        .handledBy(groups::putLogGroupDeletionProtection),
                Operation.named("logs", "CreateLogStream", CreateLogStreamRequest.class)
                        .on(group(CreateLogStreamRequest::logGroupName)).handledBy(streams::createLogStream),
                Operation.named("logs", "DeleteLogStream", DeleteLogStreamRequest.class)
                        .on(group(DeleteLogStreamRequest::logGroupName)).handledBy(streams::deleteLogStream),
                Operation.named("logs", "DescribeLogStreams", DescribeLogStreamsRequest.class)
                        .on(group(r -> either(r.logGroupName(), r.logGroupIdentifier())))
                        .handledBy(streams::describeLogStreams),
                Operation.named("logs", "PutLogEvents", PutLogEventsRequest.class)
                        .on(group(PutLogEventsRequest::logGroupName)).handledBy(uploads::putLogEvents),
                Operation.named("logs", "GetLogEvents", GetLogEventsRequest.class)
                        .on(group(r -> either(r.logGroupName(), r.logGroupIdentifier())))
                        .handledBy(streamEvents::getLogEvents),
                Operation.named("logs", "FilterLogEvents", FilterLogEventsRequest.class)
                        .on(group(r -> either(r.logGroupName(), r.logGroupIdentifier())))
                        .handledBy(search::filterLogEvents),
                Operation.named("logs", "TagLogGroup", TagLogGroupRequest.class)
                        .on(group(TagLogGroupRequest::logGroupName)).handledBy(tags::tagLogGroup),
                Operation.named("logs", "UntagLogGroup", UntagLogGroupRequest.class)
                        .on(group(UntagLogGroupRequest::logGroupName)).handledBy(tags::untagLogGroup),
                Operation.named("logs", "ListTagsLogGroup", ListTagsLogGroupRequest.class)
                        .on(group(ListTagsLogGroupRequest::logGroupName)).handledBy(tags::listTagsLogGroup),
                Operation.named("logs", "TagResource", TagResourceRequest.class)
                        .on(arn(TagResourceRequest::resourceArn)).handledBy(tags::tagResource),
                Operation.named("logs", "UntagResource", UntagResourceRequest.class)
                        .on(arn(UntagResourceRequest::resourceArn)).handledBy(tags::untagResource),
                Operation.named("logs", "ListTagsForResource", ListTagsForResourceRequest.class)
                        .on(arn(ListTagsForResourceRequest::resourceArn)).handledBy(tags::listTagsForResource)));
    }

    /** The log group a request names (by name or ARN), as IAM sees it. */
    private static <Q> ResourceResolver<Q> group(Function<Q, String> nameOrArn) {
        return (context, request) -> List.of(LogsArns.resource(context, nameOrArn.apply(request)));
    }

    private static <Q> ResourceResolver<Q> arn(Function<Q, String> resourceArn) {
        return (context, request) -> List.of(Objects.requireNonNullElse(resourceArn.apply(request), "*"));
    }

    /** A request that may name its group either way; validation refuses both or neither later. */
    private static String either(String logGroupName, String logGroupIdentifier) {
        return logGroupName != null ? logGroupName : logGroupIdentifier;
    }
}
