package io.berth.ecs;

import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.Empty;
import io.berth.ecs.model.ListTagsForResourceRequest;
import io.berth.ecs.model.ListTagsForResourceResponse;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.TagResourceRequest;
import io.berth.ecs.model.UntagResourceRequest;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.edge.ResourceTagLookup;
import io.berth.kit.Arn;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * TagResource, UntagResource and ListTagsForResource over every taggable ECS resource type, and
 * the tags IAM conditions on aws:ResourceTag/… see.
 */
public final class ResourceTags implements ResourceTagLookup {

    private final Store store;

    public ResourceTags(Store store) {
        this.store = store;
    }

    public Empty tagResource(RequestContext context, TagResourceRequest request) {
        if (request.tags() == null || request.tags().isEmpty()) {
            throw EcsErrors.invalidParameter("Tags cannot be empty.");
        }
        List<Tag> added = TagRules.POLICY.validate(request.tags());
        store.write(documents -> change(documents, context, request.resourceArn(),
                tags -> TagRules.POLICY.merge(tags, added)));
        return new Empty();
    }

    public Empty untagResource(RequestContext context, UntagResourceRequest request) {
        store.write(documents -> change(documents, context, request.resourceArn(),
                tags -> TagRules.POLICY.remove(tags, request.tagKeys())));
        return new Empty();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest request) {
        return new ListTagsForResourceResponse(store.read(documents ->
                change(documents, context, request.resourceArn(), null)));
    }

    @Override
    public Map<String, String> of(RequestContext context, String resourceArn) {
        Optional<Arn> arn = EcsArns.parse(resourceArn).filter(a -> EcsArns.local(a, context));
        if (arn.isEmpty()) {
            return Map.of();
        }
        List<Tag> tags = store.read(documents -> switch (arn.get().resourceType()) {
            case "task" -> {
                String[] path = arn.get().resourceId().split("/");
                yield path.length != 2 ? List.<Tag>of() : TaskRepository.find(documents, Scope.of(context).key(),
                        path[0], path[1]).map(t -> t.task().tags()).orElse(List.of());
            }
            case "cluster", "task-definition" -> {
                try {
                    yield change(documents, context, resourceArn, null);
                } catch (AwsException absent) {
                    yield List.<Tag>of();
                }
            }
            default -> List.<Tag>of();
        });
        return TagRules.POLICY.asMap(tags);
    }

    /** Finds the resource, applies {@code edit} to its tags and saves it (a null edit only reads); returns the tags. */
    private static List<Tag> change(Documents documents, RequestContext context, String resourceArn,
                                    UnaryOperator<List<Tag>> edit) {
        Arn arn = EcsArns.parse(resourceArn)
                .orElseThrow(() -> EcsErrors.invalidParameter("Invalid resource ARN: " + resourceArn));
        if (!EcsArns.local(arn, context)) {
            throw EcsErrors.resourceNotFound("The specified resource could not be found.");
        }
        return switch (arn.resourceType()) {
            case "cluster" -> {
                Cluster cluster = Clusters.active(documents, context, arn.resourceId());
                if (edit == null) {
                    yield cluster.tags();
                }
                Cluster tagged = Clusters.withTags(cluster, edit.apply(cluster.tags()));
                Clusters.save(documents, context, tagged);
                yield tagged.tags();
            }
            case "task-definition" -> {
                StoredTaskDefinition stored = TaskDefinitions.resolve(documents, context, resourceArn)
                        .filter(s -> resourceArn.endsWith(":" + s.taskDefinition().revision()))
                        .orElseThrow(() -> EcsErrors.resourceNotFound("The specified resource could not be found."));
                if (edit == null) {
                    yield stored.tags();
                }
                StoredTaskDefinition tagged = new StoredTaskDefinition(stored.taskDefinition(), edit.apply(stored.tags()));
                TaskDefinitions.save(documents, context, tagged);
                yield tagged.tags();
            }
            default -> throw EcsErrors.invalidParameter("Tagging is not supported for resource type "
                    + arn.resourceType() + ".");
        };
    }
}
