package io.berth.logs;

import io.berth.edge.Handler;
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
                op("CreateLogGroup", CreateLogGroupRequest.class, group(CreateLogGroupRequest::logGroupName),
                        groups::createLogGroup),
                op("DeleteLogGroup", DeleteLogGroupRequest.class, group(DeleteLogGroupRequest::logGroupName),
                        groups::deleteLogGroup),
                op("DescribeLogGroups", DescribeLogGroupsRequest.class, ResourceResolver.any(),
                        groups::describeLogGroups),
                op("PutRetentionPolicy", PutRetentionPolicyRequest.class, group(PutRetentionPolicyRequest::logGroupName),
                        groups::putRetentionPolicy),
                op("DeleteRetentionPolicy", DeleteRetentionPolicyRequest.class,
                        group(DeleteRetentionPolicyRequest::logGroupName), groups::deleteRetentionPolicy),
                op("PutLogGroupDeletionProtection", PutLogGroupDeletionProtectionRequest.class,
                        group(PutLogGroupDeletionProtectionRequest::logGroupIdentifier),
                        groups::putLogGroupDeletionProtection),
                op("CreateLogStream", CreateLogStreamRequest.class, group(CreateLogStreamRequest::logGroupName),
                        streams::createLogStream),
                op("DeleteLogStream", DeleteLogStreamRequest.class, group(DeleteLogStreamRequest::logGroupName),
                        streams::deleteLogStream),
                op("DescribeLogStreams", DescribeLogStreamsRequest.class,
                        group(r -> either(r.logGroupName(), r.logGroupIdentifier())), streams::describeLogStreams),
                op("PutLogEvents", PutLogEventsRequest.class, group(PutLogEventsRequest::logGroupName),
                        uploads::putLogEvents),
                op("GetLogEvents", GetLogEventsRequest.class,
                        group(r -> either(r.logGroupName(), r.logGroupIdentifier())), streamEvents::getLogEvents),
                op("FilterLogEvents", FilterLogEventsRequest.class,
                        group(r -> either(r.logGroupName(), r.logGroupIdentifier())), search::filterLogEvents),
                op("TagLogGroup", TagLogGroupRequest.class, group(TagLogGroupRequest::logGroupName), tags::tagLogGroup),
                op("UntagLogGroup", UntagLogGroupRequest.class, group(UntagLogGroupRequest::logGroupName),
                        tags::untagLogGroup),
                op("ListTagsLogGroup", ListTagsLogGroupRequest.class, group(ListTagsLogGroupRequest::logGroupName),
                        tags::listTagsLogGroup),
                op("TagResource", TagResourceRequest.class, arn(TagResourceRequest::resourceArn), tags::tagResource),
                op("UntagResource", UntagResourceRequest.class, arn(UntagResourceRequest::resourceArn),
                        tags::untagResource),
                op("ListTagsForResource", ListTagsForResourceRequest.class,
                        arn(ListTagsForResourceRequest::resourceArn), tags::listTagsForResource)));
    }

    private static <Q, R> Operation<?, ?> op(String name, Class<Q> type, ResourceResolver<Q> resources,
                                             Handler<Q, R> handler) {
        return Operation.of("logs", name, type, resources, handler);
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
