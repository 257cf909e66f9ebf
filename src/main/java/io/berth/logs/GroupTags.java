package io.berth.logs;

import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Log group tags through both APIs AWS offers: the deprecated *LogGroup operations, which name
 * the group, and the generic *Resource operations, which take its ARN.
 */
final class GroupTags {

    private static final String TOO_MANY = "A resource can have no more than " + Constraints.MAX_TAGS + " tags.";

    private final Store store;

    GroupTags(Store store) {
        this.store = store;
    }

    Empty tagLogGroup(RequestContext context, TagLogGroupRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        Map<String, String> tags = Constraints.tags(request.tags(), "tags");
        write(context, name, tagged(tags, LogsErrors.invalidParameter(TOO_MANY)));
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
        write(context, name, tagged(tags, LogsErrors.tooManyTags(TOO_MANY)));
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
        String scope = LogsArns.scope(context);
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
                                                                          AwsException tooMany) {
        return existing -> {
            Map<String, String> merged = new HashMap<>(existing);
            merged.putAll(added);
            if (merged.size() > Constraints.MAX_TAGS) {
                throw tooMany;
            }
            return merged;
        };
    }

    private static Function<Map<String, String>, Map<String, String>> untagged(Collection<String> keys) {
        return existing -> {
            Map<String, String> kept = new HashMap<>(existing);
            kept.keySet().removeAll(keys);
            return kept;
        };
    }

    private void write(RequestContext context, String name, Function<Map<String, String>, Map<String, String>> edit) {
        String scope = LogsArns.scope(context);
        store.write(documents -> {
            StoredGroup group = LogsRepository.requireGroup(documents, scope, name);
            LogsRepository.saveGroup(documents, scope, group.withTags(edit.apply(group.tags())));
            return null;
        });
    }

    private Map<String, String> read(RequestContext context, String name) {
        String scope = LogsArns.scope(context);
        return store.read(documents -> LogsRepository.requireGroup(documents, scope, name).tags());
    }
}
