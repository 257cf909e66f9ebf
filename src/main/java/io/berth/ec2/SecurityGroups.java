package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateSecurityGroupRequest;
import io.berth.ec2.Ec2Messages.CreateSecurityGroupResult;
import io.berth.ec2.Ec2Messages.DeleteSecurityGroupRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.DescribeSecurityGroupsRequest;
import io.berth.ec2.Ec2Messages.Filter;
import io.berth.ec2.Ec2Messages.GroupReference;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.edge.RequestContext;
import io.berth.store.StoredTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** CreateSecurityGroup, DescribeSecurityGroups and DeleteSecurityGroup. */
final class SecurityGroups {

    private static final int MAX_LENGTH = 255;
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "groupIds");
    private static final Filters<Described> FILTERS = permissionFilters(Filters.<Described>builder()
            .field("group-id", d -> d.group().groupId())
            .field("group-name", d -> d.group().groupName())
            .field("description", d -> d.group().description())
            .field("vpc-id", d -> d.group().vpcId())
            .field("owner-id", d -> d.group().ownerId())
            .tags(d -> d.group().tags()))
            .build();

    /**
     * A group being described, with the names of the groups in the account, which the
     * {@code ip-permission.group-name} filters look at.
     */
    private record Described(StoredSecurityGroup group, Map<String, String> groupNames) {
    }

    private final Ec2State state;

    SecurityGroups(Ec2State state) {
        this.state = state;
    }

    /** A VPC's "default" group: all traffic in from its own members, all traffic out. */
    static StoredSecurityGroup newDefaultGroup(Ec2Documents ec2, Ec2Ids ids, String vpcId) {
        String groupId = ids.next("sg");
        List<StoredRule> rules = List.of(
                new StoredRule(ids.next("sgr"), false, Permissions.ALL_PROTOCOLS, null, null, null, groupId, null,
                        List.of()),
                allOut(ids));
        return new StoredSecurityGroup(groupId, StoredSecurityGroup.DEFAULT_NAME, "default VPC security group",
                ec2.accountId(), vpcId, rules, List.of());
    }

    /** The egress rule every new group starts with. */
    private static StoredRule allOut(Ec2Ids ids) {
        return new StoredRule(ids.next("sgr"), true, Permissions.ALL_PROTOCOLS, null, null, "0.0.0.0/0", null, null,
                List.of());
    }

    CreateSecurityGroupResult createSecurityGroup(RequestContext context, CreateSecurityGroupRequest request) {
        if (request.groupName() == null) {
            throw Ec2Errors.missingParameter("GroupName");
        }
        if (request.description() == null) {
            throw Ec2Errors.missingParameter("GroupDescription");
        }
        if (request.groupName().length() > MAX_LENGTH || request.description().length() > MAX_LENGTH) {
            throw Ec2Errors.invalidParameterValue("Group names and descriptions may be at most " + MAX_LENGTH
                    + " characters long.");
        }
        if (request.groupName().startsWith("sg-")) {
            throw Ec2Errors.invalidParameterValue("Group names may not be in the format sg-*.");
        }
        if (request.groupName().equals(StoredSecurityGroup.DEFAULT_NAME)) {
            throw Ec2Errors.error("InvalidGroup.Reserved", "The security group 'default' is reserved");
        }
        List<StoredTag> tags = Tags.fromSpecifications(request.tagSpecifications(),
                Ec2Kind.SECURITY_GROUP.resourceType());
        return state.write(context.accountId(), context.region(), ec2 -> {
            String vpcId = request.vpcId() != null ? ec2.vpc(request.vpcId()).vpcId() : ec2.defaultVpcId();
            if (vpcId == null) {
                throw Ec2Errors.error("VPCIdNotSpecified", "No default VPC for this user");
            }
            boolean taken = ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                    .anyMatch(g -> g.vpcId().equals(vpcId) && g.groupName().equals(request.groupName()));
            if (taken) {
                throw Ec2Errors.error("InvalidGroup.Duplicate", "The security group '" + request.groupName()
                        + "' already exists for VPC '" + vpcId + "'");
            }
            StoredSecurityGroup group = new StoredSecurityGroup(state.ids().next("sg"), request.groupName(),
                    request.description(), ec2.accountId(), vpcId, List.of(allOut(state.ids())), tags);
            ec2.save(Ec2Kind.SECURITY_GROUP, group);
            return new CreateSecurityGroupResult(group.groupId(), tags);
        });
    }

    /**
     * The {@code ip-permission.*} (inbound) and {@code egress.ip-permission.*} (outbound) filters.
     * Each filter looks at all the group's rules of its direction, so several filters may be met by
     * different rules, as in EC2. Berth's rules have no IPv6 or prefix list peers.
     */
    private static Filters.Builder<Described> permissionFilters(Filters.Builder<Described> builder) {
        for (boolean egress : new boolean[] {false, true}) {
            String prefix = egress ? "egress.ip-permission." : "ip-permission.";
            builder.fields(prefix + "cidr", rules(egress, (d, r) -> r.cidrIpv4()))
                    .fields(prefix + "from-port", rules(egress, (d, r) -> port(r.fromPort())))
                    .fields(prefix + "to-port", rules(egress, (d, r) -> port(r.toPort())))
                    .fields(prefix + "protocol", rules(egress, (d, r) -> r.ipProtocol()))
                    .fields(prefix + "group-id", rules(egress, (d, r) -> r.referencedGroupId()))
                    .fields(prefix + "group-name", rules(egress, (d, r) -> r.referencedGroupId() == null ? null
                            : d.groupNames().get(r.referencedGroupId())))
                    .fields(prefix + "user-id", rules(egress, (d, r) -> r.referencedGroupId() == null ? null
                            : d.group().ownerId()))
                    .absent(prefix + "ipv6-cidr", prefix + "prefix-list-id");
        }
        return builder;
    }

    private static Function<Described, List<String>> rules(boolean egress,
                                                           BiFunction<Described, StoredRule, String> value) {
        return d -> d.group().rules(egress).stream().map(r -> value.apply(d, r)).filter(Objects::nonNull).toList();
    }

    private static String port(Integer port) {
        return port == null ? null : port.toString();
    }

    Page<StoredSecurityGroup> describeSecurityGroups(RequestContext context, DescribeSecurityGroupsRequest request) {
        List<String> requested = new ArrayList<>(request.groupIds());
        requested.addAll(request.groupNames());
        Ec2Paging.validate(new DescribeRequest(requested, request.filters(), request.maxResults(), request.nextToken()),
                BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> {
            List<String> named = new ArrayList<>();
            for (String id : request.groupIds()) {
                named.add(ec2.group(id).groupId());
            }
            for (String name : request.groupNames()) {
                named.add(resolve(ec2, new GroupReference(null, name)).groupId());
            }
            DescribeRequest paging = new DescribeRequest(named, request.filters(), request.maxResults(),
                    request.nextToken());
            return Ec2Paging.page(paging, BOUNDS, (after, size) -> ec2.page(Ec2Kind.SECURITY_GROUP, after, size),
                    matcher(ec2, request.filters()).and(g -> named.isEmpty() || named.contains(g.groupId())),
                    StoredSecurityGroup::groupId);
        });
    }

    private static Predicate<StoredSecurityGroup> matcher(Ec2Documents ec2, List<Filter> filters) {
        Predicate<Described> matcher = FILTERS.matcher(filters);
        Map<String, String> names = ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                .collect(Collectors.toMap(StoredSecurityGroup::groupId, StoredSecurityGroup::groupName));
        return group -> matcher.test(new Described(group, names));
    }

    /** The group a request names by id, or by name in the default VPC. */
    static StoredSecurityGroup resolve(Ec2Documents ec2, GroupReference reference) {
        if (reference.groupId() != null) {
            return ec2.group(reference.groupId());
        }
        if (reference.groupName() == null) {
            throw Ec2Errors.error("MissingParameter", "The request must contain the parameter groupName or groupId");
        }
        String defaultVpcId = ec2.defaultVpcId();
        return ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                .filter(g -> g.vpcId().equals(defaultVpcId) && g.groupName().equals(reference.groupName()))
                .findFirst()
                .orElseThrow(() -> Ec2Errors.groupNameNotFound(reference.groupName(), defaultVpcId));
    }

    /** Refused for a VPC's default group, and while interfaces use the group or other groups' rules name it. */
    Return deleteSecurityGroup(RequestContext context, DeleteSecurityGroupRequest request) {
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredSecurityGroup group = resolve(ec2, request.group());
            if (group.defaultGroup()) {
                throw Ec2Errors.error("CannotDelete", "the specified group: \"" + group.groupId()
                        + "\" name: \"default\" cannot be deleted by a user");
            }
            boolean used = ec2.all(Ec2Kind.NETWORK_INTERFACE).stream()
                    .anyMatch(i -> i.groupIds().contains(group.groupId()));
            boolean referenced = ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                    .filter(other -> !other.groupId().equals(group.groupId()))
                    .anyMatch(other -> other.rules().stream()
                            .anyMatch(r -> group.groupId().equals(r.referencedGroupId())));
            if (used || referenced) {
                throw Ec2Errors.dependencyViolation("resource " + group.groupId() + " has a dependent object");
            }
            ec2.delete(Ec2Kind.SECURITY_GROUP, group.groupId());
            ec2.firewallChanged();
            return new Return(true);
        });
    }
}
