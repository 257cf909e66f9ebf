package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateTagsRequest;
import io.berth.ec2.Ec2Messages.DeleteTagsRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.Ec2Messages.Tag;
import io.berth.ec2.Ec2Messages.TagDescription;
import io.berth.ec2.Ec2Messages.TagSpecification;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.kit.TagPolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * CreateTags, DeleteTags and DescribeTags over VPCs, subnets, security groups, their rules,
 * interfaces, route tables and network ACLs.
 */
final class Tags {

    /** EC2's tag rules: an empty key is allowed, {@code aws:} is reserved as spelled. */
    private static final TagPolicy<Tag> POLICY = new TagPolicy<>(new TagPolicy.Shape<>(Tag::key, Tag::value, Tag::new),
            new TagPolicy.Errors(() -> Ec2Errors.invalidParameterValue("Tag key cannot be null"),
                    () -> Ec2Errors.invalidParameterValue("Tag key exceeds the maximum length of 128 characters"),
                    () -> Ec2Errors.invalidParameterValue("Tag value exceeds the maximum length of 256 characters"),
                    () -> Ec2Errors.invalidParameterValue(
                            "Tag keys starting with 'aws:' are reserved for internal use"),
                    () -> Ec2Errors.error("TagLimitExceeded",
                            "The maximum number of Tags for a resource has been reached.")),
            0, false, false);
    private static final String RULE_TYPE = "security-group-rule";
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "resourceIds");
    /** DescribeTags' filters; {@code tag:KEY} finds the tags of the resources that have tag KEY. */
    private static final Filters<Described> FILTERS = Filters.<Described>builder()
            .field("key", d -> d.tag().key())
            .field("value", d -> d.tag().value())
            .field("resource-id", d -> d.tag().resourceId())
            .field("resource-type", d -> d.tag().resourceType())
            .tags(Described::resourceTags)
            .build();

    /** A tag being described, with all the tags of its resource. */
    private record Described(TagDescription tag, List<Tag> resourceTags) {
    }

    private final Ec2State state;

    Tags(Ec2State state) {
        this.state = state;
    }

    /** The tags a create request asks for its new resource: only {@code resourceType} may be named. */
    static List<Tag> fromSpecifications(List<TagSpecification> specifications, String resourceType) {
        List<Tag> tags = new ArrayList<>();
        for (TagSpecification specification : specifications) {
            if (!resourceType.equals(specification.resourceType())) {
                throw Ec2Errors.invalidParameterValue("'" + specification.resourceType()
                        + "' is not a valid taggable resource type for this operation.");
            }
            if (specification.tags().isEmpty()) {
                throw Ec2Errors.invalidParameterValue("Tag specification must have at least one tag");
            }
            tags.addAll(specification.tags());
        }
        return POLICY.merge(List.of(), tags);
    }

    Return createTags(RequestContext context, CreateTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missingParameter("ResourceId");
        }
        if (request.tags().isEmpty()) {
            throw Ec2Errors.missingParameter("Tag");
        }
        return retag(context, request.resources(), tags -> POLICY.merge(tags, request.tags()));
    }

    /** No tags named deletes every tag; a tag named with a value deletes it only while it has that value. */
    Return deleteTags(RequestContext context, DeleteTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missingParameter("ResourceId");
        }
        return retag(context, request.resources(), tags -> tags.stream()
                .filter(tag -> !request.tags().isEmpty() && request.tags().stream().noneMatch(removed ->
                        removed.key().equals(tag.key())
                                && (removed.value() == null || removed.value().equals(tag.value()))))
                .toList());
    }

    private Return retag(RequestContext context, List<String> resources, UnaryOperator<List<Tag>> change) {
        return state.write(context.accountId(), context.region(), ec2 -> {
            for (String id : resources) {
                retag(ec2, id, change);
            }
            return new Return(true);
        });
    }

    private static void retag(Ec2Documents ec2, String id, UnaryOperator<List<Tag>> change) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : "";
        switch (prefix) {
            case "vpc" -> retag(ec2, Ec2Kind.VPC, id, change, () -> Ec2Errors.vpcNotFound(List.of(id)));
            case "subnet" -> retag(ec2, Ec2Kind.SUBNET, id, change, () -> Ec2Errors.subnetNotFound(List.of(id)));
            case "sg" -> retag(ec2, Ec2Kind.SECURITY_GROUP, id, change, () -> Ec2Errors.groupNotFound(id));
            case "eni" -> retag(ec2, Ec2Kind.NETWORK_INTERFACE, id, change,
                    () -> Ec2Errors.interfaceNotFound(List.of(id)));
            case "rtb" -> retag(ec2, Ec2Kind.ROUTE_TABLE, id, change, () -> Ec2Errors.routeTableNotFound(List.of(id)));
            case "acl" -> retag(ec2, Ec2Kind.NETWORK_ACL, id, change, () -> Ec2Errors.networkAclNotFound(List.of(id)));
            case "sgr" -> {
                StoredSecurityGroup group = ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                        .filter(g -> g.rules().stream().anyMatch(r -> r.securityGroupRuleId().equals(id)))
                        .findFirst().orElseThrow(() -> Ec2Errors.ruleNotFound(id));
                ec2.save(Ec2Kind.SECURITY_GROUP, group.withRules(group.rules().stream()
                        .map(r -> r.securityGroupRuleId().equals(id) ? r.withTags(change.apply(r.tags())) : r)
                        .toList()));
            }
            default -> throw Ec2Errors.error("InvalidID", "The ID '" + id + "' is not valid");
        }
    }

    private static <T extends Tagged<T>> void retag(Ec2Documents ec2, Ec2Kind<T> kind, String id,
                                                    UnaryOperator<List<Tag>> change, Supplier<AwsException> missing) {
        T resource = ec2.find(kind, id).orElseThrow(missing);
        ec2.save(kind, resource.withTags(change.apply(resource.tags())));
    }

    /**
     * A resource's tags for aws:ResourceTag/… keys, by its ARN in the caller's account and region;
     * none for another ARN or a resource that does not exist.
     */
    Map<String, String> of(RequestContext context, String resourceArn) {
        Optional<Arn> arn = Arn.parse(resourceArn)
                .filter(a -> a.isOf("ec2") && Scope.of(context).contains(a) && a.resource().contains("/"));
        if (arn.isEmpty()) {
            return Map.of();
        }
        String id = arn.get().resourceId();
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : "";
        return switch (prefix) {
            case "vpc" -> tagsOf(context, Ec2Kind.VPC, id);
            case "subnet" -> tagsOf(context, Ec2Kind.SUBNET, id);
            case "sg" -> tagsOf(context, Ec2Kind.SECURITY_GROUP, id);
            case "eni" -> tagsOf(context, Ec2Kind.NETWORK_INTERFACE, id);
            case "rtb" -> tagsOf(context, Ec2Kind.ROUTE_TABLE, id);
            case "acl" -> tagsOf(context, Ec2Kind.NETWORK_ACL, id);
            case "sgr" -> state.read(context.accountId(), context.region(), ec2 -> ec2.all(Ec2Kind.SECURITY_GROUP)
                    .stream().flatMap(group -> group.rules().stream())
                    .filter(rule -> rule.securityGroupRuleId().equals(id)).findFirst()
                    .map(rule -> POLICY.asMap(rule.tags())).orElse(Map.of()));
            default -> Map.of();
        };
    }

    private <T extends Tagged<T>> Map<String, String> tagsOf(RequestContext context, Ec2Kind<T> kind, String id) {
        return state.read(context.accountId(), context.region(),
                ec2 -> ec2.find(kind, id).map(resource -> POLICY.asMap(resource.tags())).orElse(Map.of()));
    }

    Page<TagDescription> describeTags(RequestContext context, DescribeRequest request) {
        List<TagDescription> all = state.read(context.accountId(), context.region(), ec2 -> {
            List<TagDescription> tags = new ArrayList<>();
            describe(ec2, Ec2Kind.VPC, tags);
            describe(ec2, Ec2Kind.SUBNET, tags);
            describe(ec2, Ec2Kind.SECURITY_GROUP, tags);
            describe(ec2, Ec2Kind.NETWORK_INTERFACE, tags);
            describe(ec2, Ec2Kind.ROUTE_TABLE, tags);
            describe(ec2, Ec2Kind.NETWORK_ACL, tags);
            ec2.all(Ec2Kind.SECURITY_GROUP).forEach(group -> group.rules().forEach(rule -> rule.tags().forEach(tag ->
                    tags.add(new TagDescription(rule.id(), RULE_TYPE, tag.key(), tag.value())))));
            tags.sort(Comparator.comparing(Tags::position));
            return tags;
        });
        Map<String, List<Tag>> byResource = all.stream().collect(Collectors.groupingBy(TagDescription::resourceId,
                Collectors.mapping(t -> new Tag(t.key(), t.value()), Collectors.toList())));
        Predicate<Described> matcher = FILTERS.matcher(request.filters());
        return Ec2Paging.page(request, BOUNDS, PageTokens.over(all, Tags::position),
                t -> matcher.test(new Described(t, byResource.get(t.resourceId()))), Tags::position);
    }

    private static <T extends Tagged<T>> void describe(Ec2Documents ec2, Ec2Kind<T> kind, List<TagDescription> into) {
        for (T resource : ec2.all(kind)) {
            resource.tags().forEach(tag -> into.add(new TagDescription(resource.id(), kind.resourceType(), tag.key(),
                    tag.value())));
        }
    }

    /** Orders tags by resource, then key; NUL sorts before every character a key may hold. */
    private static String position(TagDescription tag) {
        return tag.resourceId() + '\u0000' + tag.key();
    }
}
