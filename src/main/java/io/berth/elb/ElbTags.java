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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tags of load balancers, target groups, listeners and rules: AddTags, RemoveTags, DescribeTags, and what policies read. */
final class ElbTags {

    static final int MAX_TAGS = 50;
    private static final int MAX_RESOURCES = 20;

    private final ElbRuntime elb;

    ElbTags(ElbRuntime elb) {
        this.elb = elb;
    }

    /** Checks tags a request brings (keys, values, duplicates, the count); null is none. */
    static List<Tag> validate(List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String member = "tags." + (i + 1) + ".member.";
            if (tag.key() == null) {
                throw ElbErrors.required(member + "key");
            }
            if (tag.key().isEmpty() || tag.key().length() > 128) {
                throw ElbErrors.constraint(tag.key(), member + "key", tag.key().isEmpty()
                        ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 128");
            }
            if (tag.value() != null && tag.value().length() > 256) {
                throw ElbErrors.constraint(tag.value(), member + "value", "Member must have length less than or equal to 256");
            }
            if (tag.key().startsWith("aws:")) {
                throw ElbErrors.validation("Tag keys starting with 'aws:' are reserved for internal use");
            }
            if (!keys.add(tag.key())) {
                throw ElbErrors.error("DuplicateTagKeys", "Tag key '" + tag.key() + "' was specified more than once");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw tooMany();
        }
        return List.copyOf(tags);
    }

    static AwsException tooMany() {
        return ElbErrors.error("TooManyTags", "The quota for the number of tags that can be assigned to a resource has been reached");
    }

    Empty addTags(RequestContext context, AddTagsRequest request) {
        List<String> arns = resourceArns(request.resourceArns());
        if (request.tags() == null) {
            throw ElbErrors.required("tags");
        }
        List<Tag> added = validate(request.tags());
        return elb.write(context, documents -> {
            List<Stored.Tagged> resources = arns.stream().map(arn -> find(context, documents, arn)).toList();
            for (Stored.Tagged resource : resources) {
                Map<String, String> merged = asMap(resource.tags());
                added.forEach(tag -> merged.put(tag.key(), tag.value() == null ? "" : tag.value()));
                if (merged.size() > MAX_TAGS) {
                    throw tooMany();
                }
                save(documents, resource.withTags(asTags(merged)));
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
                Map<String, String> kept = asMap(resource.tags());
                request.tagKeys().forEach(kept::remove);
                save(documents, resource.withTags(asTags(kept)));
            }
            return new Empty();
        });
    }

    DescribeTagsResult describeTags(RequestContext context, DescribeTagsRequest request) {
        List<String> arns = resourceArns(request.resourceArns());
        return elb.read(context, documents -> new DescribeTagsResult(arns.stream()
                .map(arn -> new TagDescription(arn, find(context, documents, arn).tags())).toList()));
    }

    /** The resource's tags as aws:ResourceTag/… keys see them; none for anything not found. */
    Map<String, String> lookup(RequestContext context, String arn) {
        return elb.read(context, documents -> {
            Optional<ElbArns.Kind> kind = ElbArns.kindOf(context, arn);
            if (kind.isEmpty()) {
                return Map.<String, String>of();
            }
            return found(documents, kind.get(), arn).map(r -> Map.copyOf(asMap(r.tags())))
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

    private static Map<String, String> asMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value() == null ? "" : tag.value()));
        return map;
    }

    private static List<Tag> asTags(Map<String, String> map) {
        List<Tag> tags = new ArrayList<>();
        map.forEach((key, value) -> tags.add(new Tag(key, value)));
        return tags;
    }
}
