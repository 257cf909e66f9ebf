package io.berth.elb;

import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.elb.ElbMessages.AddTagsRequest;
import io.berth.elb.ElbMessages.DescribeTagsRequest;
import io.berth.elb.ElbMessages.DescribeTagsResult;
import io.berth.elb.ElbMessages.Empty;
import io.berth.elb.ElbMessages.RemoveTagsRequest;
import io.berth.elb.ElbMessages.Tag;
import io.berth.elb.ElbMessages.TagDescription;
import io.berth.kit.TagPolicy;
import io.berth.kit.ValidationMessages;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Tags of load balancers, target groups, listeners and rules: AddTags, RemoveTags, DescribeTags, and what policies read. */
final class ElbTags {

    private static final int MAX_RESOURCES = 20;

    private final ElbRuntime elb;

    ElbTags(ElbRuntime elb) {
        this.elb = elb;
    }

    /** ELB's tag rules on the kit's policy: its errors, keys compared as given. */
    static final TagPolicy<Stored.Tag> POLICY = new TagPolicy<>(new TagPolicy.Shape<>(Stored.Tag::key, Stored.Tag::value,
            Stored.Tag::new),
            new TagPolicy.Errors(() -> ElbErrors.required("tags.member.key"),
                    () -> ElbErrors.validation(ValidationMessages.collect().member("tags.member.key",
                            "Member must have length between 1 and " + TagPolicy.MAX_KEY_LENGTH).message()),
                    () -> ElbErrors.validation(ValidationMessages.collect().member("tags.member.value",
                            "Member must have length less than or equal to " + TagPolicy.MAX_VALUE_LENGTH).message()),
                    () -> ElbErrors.validation("Tag keys starting with 'aws:' are reserved for internal use"),
                    ElbTags::tooMany),
            1, false, false);

    /** Checks tags a request brings (keys, values, a key given twice, the count); null is none. */
    static List<Stored.Tag> validate(List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag.key() != null && !keys.add(tag.key())) {
                throw ElbErrors.error("DuplicateTagKeys", "Tag key '" + tag.key() + "' was specified more than once");
            }
        }
        return List.copyOf(POLICY.validate(StoredShapes.tags(tags)));
    }

    /** The tags a request asks for, as IAM condition keys: aws:RequestTag/KEY and aws:TagKeys. */
    static Map<String, List<String>> conditionKeys(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.stream().filter(tag -> tag.key() != null).forEach(tag ->
                keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value() == null ? "" : tag.value())));
        keys.put("aws:TagKeys", tags.stream().map(Tag::key).filter(Objects::nonNull).toList());
        return keys;
    }

    /** The keys a RemoveTags request names, as aws:TagKeys sees them. */
    static Map<String, List<String>> removedKeys(List<String> keys) {
        return keys == null || keys.isEmpty() ? Map.of() : Map.of("aws:TagKeys", keys.stream().filter(Objects::nonNull).toList());
    }

    static AwsException tooMany() {
        return ElbErrors.error("TooManyTags", "The quota for the number of tags that can be assigned to a resource has been reached");
    }

    Empty addTags(RequestContext context, AddTagsRequest request) {
        List<String> arns = resourceArns(request.resourceArns());
        if (request.tags() == null) {
            throw ElbErrors.required("tags");
        }
        List<Stored.Tag> added = validate(request.tags());
        return elb.write(context, documents -> {
            List<Stored.Tagged> resources = arns.stream().map(arn -> find(context, documents, arn)).toList();
            for (Stored.Tagged resource : resources) {
                save(documents, resource.withTags(POLICY.merge(resource.tags(), added)));
            }
            return new Empty();
        });
    }

    Empty removeTags(RequestContext context, RemoveTagsRequest request) {
        List<String> arns = resourceArns(request.resourceArns());
        if (request.tagKeys() == null) {
            throw ElbErrors.required("tagKeys");
        }
        return elb.write(context, documents -> {
            List<Stored.Tagged> resources = arns.stream().map(arn -> find(context, documents, arn)).toList();
            for (Stored.Tagged resource : resources) {
                save(documents, resource.withTags(POLICY.remove(resource.tags(), request.tagKeys())));
            }
            return new Empty();
        });
    }

    DescribeTagsResult describeTags(RequestContext context, DescribeTagsRequest request) {
        List<String> arns = resourceArns(request.resourceArns());
        return elb.read(context, documents -> new DescribeTagsResult(arns.stream()
                .map(arn -> new TagDescription(arn, StoredShapes.wireTags(find(context, documents, arn).tags()))).toList()));
    }

    /** The resource's tags as aws:ResourceTag/… keys see them; none for anything not found. */
    Map<String, String> lookup(RequestContext context, String arn) {
        return elb.read(context, documents -> {
            Optional<ElbArns.Kind> kind = ElbArns.kindOf(context, arn);
            if (kind.isEmpty()) {
                return Map.<String, String>of();
            }
            return found(documents, kind.get(), arn).map(r -> POLICY.asMap(r.tags()))
                    .orElse(Map.of());
        });
    }

    private static List<String> resourceArns(List<String> arns) {
        if (arns == null) {
            throw ElbErrors.required("resourceArns");
        }
        if (arns.size() > MAX_RESOURCES) {
            throw ElbErrors.constraint(arns, "resourceArns", "Member must have length less than or equal to " + MAX_RESOURCES);
        }
        return arns;
    }

    private static Stored.Tagged find(RequestContext context, ElbDocuments documents, String arn) {
        ElbArns.Kind kind = ElbArns.kindOf(context, arn).orElseThrow(() -> ElbErrors.invalidArn(arn, "resource"));
        return found(documents, kind, arn).orElseThrow(() -> switch (kind) {
            case LOAD_BALANCER -> ElbErrors.loadBalancerNotFound();
            case TARGET_GROUP -> ElbErrors.targetGroupNotFound();
            case LISTENER -> ElbErrors.listenerNotFound();
            case RULE -> ElbErrors.ruleNotFound();
        });
    }

    private static Optional<Stored.Tagged> found(ElbDocuments documents, ElbArns.Kind kind, String arn) {
        return switch (kind) {
            case LOAD_BALANCER -> documents.find(ElbDocuments.LOAD_BALANCER, arn).map(Stored.Tagged.class::cast);
            case TARGET_GROUP -> documents.find(ElbDocuments.TARGET_GROUP, arn).map(Stored.Tagged.class::cast);
            case LISTENER -> documents.find(ElbDocuments.LISTENER, arn).map(Stored.Tagged.class::cast);
            case RULE -> documents.find(ElbDocuments.RULE, arn).map(Stored.Tagged.class::cast);
        };
    }

    private static void save(ElbDocuments documents, Stored.Tagged resource) {
        switch (resource) {
            case Stored.LoadBalancer lb -> documents.save(ElbDocuments.LOAD_BALANCER, lb);
            case Stored.TargetGroup group -> documents.save(ElbDocuments.TARGET_GROUP, group);
            case Stored.Listener listener -> documents.save(ElbDocuments.LISTENER, listener);
            case Stored.Rule rule -> documents.save(ElbDocuments.RULE, rule);
        }
    }
}
