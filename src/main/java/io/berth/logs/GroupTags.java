package io.berth.logs;

import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.kit.TagPolicy;
import io.berth.logs.model.Empty;
import io.berth.logs.model.ListTagsForResourceRequest;
import io.berth.logs.model.ListTagsForResourceResponse;
import io.berth.logs.model.ListTagsLogGroupRequest;
import io.berth.logs.model.ListTagsLogGroupResponse;
import io.berth.logs.model.TagLogGroupRequest;
import io.berth.logs.model.TagResourceRequest;
import io.berth.logs.model.UntagLogGroupRequest;
import io.berth.logs.model.UntagResourceRequest;
import io.berth.store.Store;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Log group tags through both APIs AWS offers: the deprecated *LogGroup operations, which name
 * the group, and the generic *Resource operations, which take its ARN.
 */
final class GroupTags {

    private static final String TOO_MANY = "A resource can have no more than " + TagPolicy.MAX_TAGS + " tags.";
    /** Keys and values are checked by {@link Constraints}; the deprecated API refuses too many differently. */
    private static final TagPolicy<Map.Entry<String, String>> LOG_GROUP_POLICY = TagPolicy.limitOnly(TagPolicy.ENTRIES,
            () -> LogsErrors.invalidParameter(TOO_MANY), false);
    private static final TagPolicy<Map.Entry<String, String>> RESOURCE_POLICY = TagPolicy.limitOnly(TagPolicy.ENTRIES,
            () -> LogsErrors.tooManyTags(TOO_MANY), false);

    private final Store store;

    GroupTags(Store store) {
        this.store = store;
    }

    Empty tagLogGroup(RequestContext context, TagLogGroupRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        Map<String, String> tags = Constraints.tags(request.tags(), "tags");
        write(context, name, tagged(tags, LOG_GROUP_POLICY));
        return new Empty();
    }

    Empty untagLogGroup(RequestContext context, UntagLogGroupRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        write(context, name, untagged(Constraints.tagKeys(request.tags(), "tags")));
        return new Empty();
    }

    ListTagsLogGroupResponse listTagsLogGroup(RequestContext context, ListTagsLogGroupRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        return new ListTagsLogGroupResponse(read(context, name));
    }

    Empty tagResource(RequestContext context, TagResourceRequest request) {
        String name = groupOf(context, request.resourceArn());
        Map<String, String> tags = Constraints.tags(request.tags(), "tags");
        write(context, name, tagged(tags, RESOURCE_POLICY));
        return new Empty();
    }

    Empty untagResource(RequestContext context, UntagResourceRequest request) {
        String name = groupOf(context, request.resourceArn());
        write(context, name, untagged(Constraints.tagKeys(request.tagKeys(), "tagKeys")));
        return new Empty();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        return new ListTagsForResourceResponse(read(context, groupOf(context, request.resourceArn())));
    }

    /** A log group's tags for aws:ResourceTag/… keys; none for another ARN or a group that does not exist. */
    Map<String, String> of(RequestContext context, String resourceArn) {
        String scope = Scope.of(context).key();
        return LogsArns.groupOfArn(context, resourceArn)
                .flatMap(name -> store.read(documents -> LogsRepository.findGroup(documents, scope, name)))
                .map(StoredGroup::tags).orElse(Map.of());
    }

    /** Log groups are the only taggable resource Berth has; any other ARN names nothing here. */
    private static String groupOf(RequestContext context, String resourceArn) {
        return LogsArns.groupOfArn(context, Constraints.required(resourceArn, "resourceArn"))
                .orElseThrow(() -> new AwsException("ResourceNotFoundException", 400,
                        "The specified resource does not exist."));
    }

    private static Function<Map<String, String>, Map<String, String>> tagged(Map<String, String> added,
                                                                          TagPolicy<Map.Entry<String, String>> policy) {
        return existing -> policy.asMap(policy.merge(existing.entrySet(), added.entrySet()));
    }

    private static Function<Map<String, String>, Map<String, String>> untagged(Collection<String> keys) {
        return existing -> RESOURCE_POLICY.asMap(RESOURCE_POLICY.remove(existing.entrySet(), keys));
    }

    private void write(RequestContext context, String name, Function<Map<String, String>, Map<String, String>> edit) {
        String scope = Scope.of(context).key();
        store.write(documents -> {
            StoredGroup group = LogsRepository.requireGroup(documents, scope, name);
            LogsRepository.saveGroup(documents, scope, group.withTags(edit.apply(group.tags())));
            return null;
        });
    }

    private Map<String, String> read(RequestContext context, String name) {
        String scope = Scope.of(context).key();
        return store.read(documents -> LogsRepository.requireGroup(documents, scope, name).tags());
    }
}
