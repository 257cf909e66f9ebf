package io.berth.ec2;

import io.berth.ec2.Ec2Messages.AuthorizeResult;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.ModifySecurityGroupRulesRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.Ec2Messages.RevokeResult;
import io.berth.ec2.Ec2Messages.SecurityGroupRule;
import io.berth.ec2.Ec2Messages.SecurityGroupRuleRequest;
import io.berth.ec2.Ec2Messages.SecurityGroupRuleUpdate;
import io.berth.ec2.Ec2Messages.SecurityGroupRulesRequest;
import io.berth.ec2.Ec2Messages.Tag;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;
import io.berth.ec2.Permissions.Candidate;
import io.berth.ec2.StoredRule.RuleKey;
import io.berth.edge.RequestContext;
import io.berth.kit.PageTokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AuthorizeSecurityGroupIngress/Egress, RevokeSecurityGroupIngress/Egress, ModifySecurityGroupRules
 * and DescribeSecurityGroupRules. A source group must be a group of the same VPC.
 */
final class SecurityGroupRules {

    /** EC2's default quota of inbound, and of outbound, rules per security group. */
    static final int PER_DIRECTION = 60;
    private static final String RULE_TYPE = "security-group-rule";
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "securityGroupRuleIds");
    private static final Filters<SecurityGroupRule> FILTERS = Filters.<SecurityGroupRule>builder()
            .field("group-id", SecurityGroupRule::groupId)
            .field("security-group-rule-id", r -> r.rule().securityGroupRuleId())
            .tags(r -> r.rule().tags())
            .build();

    private final Ec2State state;

    SecurityGroupRules(Ec2State state) {
        this.state = state;
    }

    AuthorizeResult authorize(RequestContext context, SecurityGroupRulesRequest request, boolean egress) {
        if (request.ipPermissions().isEmpty()) {
            throw Ec2Errors.missingParameter("IpPermissions");
        }
        if (request.ipPermissions().stream().anyMatch(IpPermission::hasIpv6OrPrefixListPeers)) {
            throw Ec2Errors.invalidParameterValue(
                    "Berth's security groups take IPv4 CIDRs and security groups as peers, not IPv6 ranges or prefix lists.");
        }
        List<Tag> tags = Tags.fromSpecifications(request.tagSpecifications(), RULE_TYPE);
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredSecurityGroup group = SecurityGroups.resolve(ec2, request.group());
            List<Candidate> candidates = Permissions.candidates(request.ipPermissions(), egress,
                    pair -> sourceGroup(ec2, group, pair));
            Set<RuleKey> requested = new HashSet<>();
            for (Candidate candidate : candidates) {
                if (!requested.add(candidate.key())) {
                    throw Ec2Errors.invalidParameterValue("The same permission must not appear multiple times");
                }
            }
            for (StoredRule existing : group.rules()) {
                if (requested.contains(existing.key())) {
                    throw Ec2Errors.error("InvalidPermission.Duplicate", "the specified rule \""
                            + Permissions.describe(existing.key()) + "\" already exists");
                }
            }
            if (group.rules(egress).size() + candidates.size() > PER_DIRECTION) {
                throw Ec2Errors.error("RulesPerSecurityGroupLimitExceeded",
                        "The maximum number of rules per security group has been reached.");
            }
            List<StoredRule> added = candidates.stream().map(c -> new StoredRule(state.ids().next("sgr"), egress,
                    c.key().ipProtocol(), c.key().fromPort(), c.key().toPort(), c.key().cidrIpv4(),
                    c.key().referencedGroupId(), c.description(), tags)).toList();
            List<StoredRule> rules = new ArrayList<>(group.rules());
            rules.addAll(added);
            ec2.save(Ec2Kind.SECURITY_GROUP, group.withRules(rules));
            ec2.firewallChanged();
            return new AuthorizeResult(added.stream()
                    .map(r -> new SecurityGroupRule(group.groupId(), group.ownerId(), r)).toList());
        });
    }

    /**
     * Removes the rules named by id or by permission. Permissions matching no rule come back as
     * unknown; when nothing at all matched, EC2 answers InvalidPermission.NotFound. IPv6 ranges and
     * prefix lists, which no Berth rule has, never match: clients revoke the {@code ::/0} egress
     * rule of a new group that way, and EC2 answers them so for a group of a VPC without IPv6.
     */
    RevokeResult revoke(RequestContext context, SecurityGroupRulesRequest request, boolean egress) {
        if (request.ipPermissions().isEmpty() && request.securityGroupRuleIds().isEmpty()) {
            throw Ec2Errors.missingParameter("IpPermissions");
        }
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredSecurityGroup group = SecurityGroups.resolve(ec2, request.group());
            Set<String> removedIds = new HashSet<>();
            for (String id : request.securityGroupRuleIds()) {
                StoredRule rule = group.rules(egress).stream().filter(r -> r.securityGroupRuleId().equals(id))
                        .findFirst().orElseThrow(() -> Ec2Errors.ruleNotFound(id));
                removedIds.add(rule.securityGroupRuleId());
            }
            List<IpPermission> unknown = new ArrayList<>();
            for (Candidate candidate : Permissions.candidates(request.ipPermissions(), egress,
                    pair -> sourceGroup(ec2, group, pair))) {
                group.rules().stream().filter(r -> r.key().equals(candidate.key())).findFirst().ifPresentOrElse(
                        r -> removedIds.add(r.securityGroupRuleId()),
                        () -> unknown.add(Permissions.permission(candidate.key(), group.ownerId())));
            }
            for (IpPermission permission : request.ipPermissions()) {
                if (permission.hasIpv6OrPrefixListPeers()) {
                    Permissions.Range range = Permissions.range(permission);
                    unknown.add(new IpPermission(range.protocol(), range.fromPort(), range.toPort(), List.of(),
                            List.of(), permission.ipv6Ranges(), permission.prefixListIds()));
                }
            }
            if (removedIds.isEmpty()) {
                throw Ec2Errors.error("InvalidPermission.NotFound",
                        "The specified rule does not exist in this security group.");
            }
            ec2.save(Ec2Kind.SECURITY_GROUP, group.withRules(group.rules().stream()
                    .filter(r -> !removedIds.contains(r.securityGroupRuleId())).toList()));
            ec2.firewallChanged();
            return new RevokeResult(unknown);
        });
    }

    /**
     * Replaces rules, by id, with what the request says they are now: their ids and tags stay.
     * Berth's rules take an IPv4 CIDR or a group of the same VPC as their one peer.
     */
    Return modifySecurityGroupRules(RequestContext context, ModifySecurityGroupRulesRequest request) {
        if (request.groupId() == null) {
            throw Ec2Errors.missingParameter("GroupId");
        }
        if (request.rules().isEmpty()) {
            throw Ec2Errors.missingParameter("SecurityGroupRules");
        }
        for (SecurityGroupRuleUpdate update : request.rules()) {
            if (update.securityGroupRuleId() == null) {
                throw Ec2Errors.missingParameter("SecurityGroupRuleId");
            }
            SecurityGroupRuleRequest rule = update.rule();
            if (rule.cidrIpv6() != null || rule.prefixListId() != null) {
                throw Ec2Errors.invalidParameterValue(
                        "Berth's security groups take IPv4 CIDRs and security groups as peers, not IPv6 ranges or prefix lists.");
            }
            if ((rule.cidrIpv4() == null) == (rule.referencedGroupId() == null)) {
                throw Ec2Errors.error("InvalidParameterCombination",
                        "A security group rule must name exactly one of CidrIpv4 or ReferencedGroupId.");
            }
        }
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredSecurityGroup group = ec2.group(request.groupId());
            Map<String, StoredRule> replaced = new LinkedHashMap<>();
            for (SecurityGroupRuleUpdate update : request.rules()) {
                StoredRule rule = group.rules().stream()
                        .filter(r -> r.securityGroupRuleId().equals(update.securityGroupRuleId())).findFirst()
                        .orElseThrow(() -> Ec2Errors.ruleNotFound(update.securityGroupRuleId()));
                SecurityGroupRuleRequest wanted = update.rule();
                IpPermission permission = new IpPermission(wanted.ipProtocol(), wanted.fromPort(), wanted.toPort(),
                        wanted.cidrIpv4() == null ? List.of() : List.of(new IpRange(wanted.cidrIpv4(),
                                wanted.description())),
                        wanted.referencedGroupId() == null ? List.of() : List.of(new UserIdGroupPair(
                                wanted.referencedGroupId(), null, null, wanted.description())));
                Candidate candidate = Permissions.candidates(List.of(permission), rule.egress(),
                        pair -> sourceGroup(ec2, group, pair)).getFirst();
                replaced.put(rule.securityGroupRuleId(), new StoredRule(rule.securityGroupRuleId(), rule.egress(),
                        candidate.key().ipProtocol(), candidate.key().fromPort(), candidate.key().toPort(),
                        candidate.key().cidrIpv4(), candidate.key().referencedGroupId(), candidate.description(),
                        rule.tags()));
            }
            List<StoredRule> rules = group.rules().stream()
                    .map(r -> replaced.getOrDefault(r.securityGroupRuleId(), r)).toList();
            Set<RuleKey> keys = new HashSet<>();
            for (StoredRule rule : rules) {
                if (!keys.add(rule.key())) {
                    throw Ec2Errors.error("InvalidPermission.Duplicate", "the specified rule \""
                            + Permissions.describe(rule.key()) + "\" already exists");
                }
            }
            ec2.save(Ec2Kind.SECURITY_GROUP, group.withRules(rules));
            ec2.firewallChanged();
            return new Return(true);
        });
    }

    /** The id of the group a pair names (by id, or by name within the VPC), which must share the VPC. */
    private static String sourceGroup(Ec2Documents ec2, StoredSecurityGroup group, UserIdGroupPair pair) {
        StoredSecurityGroup source;
        if (pair.groupId() != null) {
            source = ec2.group(pair.groupId());
        } else if (pair.groupName() != null) {
            source = ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                    .filter(g -> g.vpcId().equals(group.vpcId()) && g.groupName().equals(pair.groupName()))
                    .findFirst().orElseThrow(() -> Ec2Errors.groupNotFound(pair.groupName()));
        } else {
            throw Ec2Errors.missingParameter("GroupId");
        }
        if (!source.vpcId().equals(group.vpcId())) {
            throw Ec2Errors.error("InvalidGroup.NotFound",
                    "You have specified two resources that belong to different networks.");
        }
        return source.groupId();
    }

    Page<SecurityGroupRule> describeSecurityGroupRules(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> {
            List<SecurityGroupRule> rules = new ArrayList<>();
            for (StoredSecurityGroup group : ec2.all(Ec2Kind.SECURITY_GROUP)) {
                group.rules().forEach(r -> rules.add(new SecurityGroupRule(group.groupId(), group.ownerId(), r)));
            }
            rules.sort(Comparator.comparing(r -> r.rule().securityGroupRuleId()));
            for (String id : request.ids()) {
                if (rules.stream().noneMatch(r -> r.rule().securityGroupRuleId().equals(id))) {
                    throw Ec2Errors.ruleNotFound(id);
                }
            }
            return Ec2Paging.page(request, BOUNDS, PageTokens.over(rules, r -> r.rule().securityGroupRuleId()),
                    FILTERS.matcher(request.filters()).and(r -> request.ids().isEmpty()
                            || request.ids().contains(r.rule().securityGroupRuleId())),
                    r -> r.rule().securityGroupRuleId());
        });
    }
}
