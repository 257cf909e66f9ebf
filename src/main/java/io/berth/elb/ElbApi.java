package io.berth.elb;

import io.berth.ec2.Networks;
import io.berth.edge.Operation;
import io.berth.edge.ResourceResolver;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceModule;
import io.berth.elb.ElbMessages.AddTagsRequest;
import io.berth.elb.ElbMessages.CreateListenerRequest;
import io.berth.elb.ElbMessages.CreateLoadBalancerRequest;
import io.berth.elb.ElbMessages.CreateRuleRequest;
import io.berth.elb.ElbMessages.CreateTargetGroupRequest;
import io.berth.elb.ElbMessages.DescribeAccountLimitsRequest;
import io.berth.elb.ElbMessages.DescribeListenersRequest;
import io.berth.elb.ElbMessages.DescribeLoadBalancersRequest;
import io.berth.elb.ElbMessages.DescribeRulesRequest;
import io.berth.elb.ElbMessages.DescribeTagsRequest;
import io.berth.elb.ElbMessages.DescribeTargetGroupsRequest;
import io.berth.elb.ElbMessages.ListenerArnRequest;
import io.berth.elb.ElbMessages.LoadBalancerArnRequest;
import io.berth.elb.ElbMessages.ModifyListenerRequest;
import io.berth.elb.ElbMessages.ModifyLoadBalancerAttributesRequest;
import io.berth.elb.ElbMessages.ModifyRuleRequest;
import io.berth.elb.ElbMessages.ModifyTargetGroupAttributesRequest;
import io.berth.elb.ElbMessages.ModifyTargetGroupRequest;
import io.berth.elb.ElbMessages.RemoveTagsRequest;
import io.berth.elb.ElbMessages.RuleArnRequest;
import io.berth.elb.ElbMessages.SetRulePrioritiesRequest;
import io.berth.elb.ElbMessages.SetSecurityGroupsRequest;
import io.berth.elb.ElbMessages.SetSubnetsRequest;
import io.berth.elb.ElbMessages.TargetGroupArnRequest;
import io.berth.elb.ElbMessages.TargetsRequest;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Elastic Load Balancing v2 over the Query protocol (version 2015-12-01), every operation
 * declared once with its IAM action ({@code elasticloadbalancing:Op}) and the ARNs it acts on.
 * State is per account and region; subnets and security groups are EC2's, reached through
 * {@link Networks}.
 */
public final class ElbApi {

    public static final String VERSION = "2015-12-01";
    public static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final String SERVICE = ElbArns.SERVICE;

    private ElbApi() {
    }

    /** ELBv2 with random ids, whose resources' tags policies read as aws:ResourceTag/… keys. */
    public static ServiceModule module(Store store, InstantSource clock, Networks networks) {
        return module(ElbRuntime.random(store, clock), networks);
    }

    static ServiceModule module(ElbRuntime elb, Networks networks) {
        DataPlaneHandOff plane = new DataPlaneHandOff();
        ElbTags tags = new ElbTags(elb);
        List<Operation<?, ?>> operations = new ArrayList<>();
        operations.addAll(loadBalancers(new LoadBalancers(elb, networks, plane)));
        operations.addAll(targetGroups(new TargetGroups(elb, networks, plane)));
        operations.addAll(listeners(new Listeners(elb), new Rules(elb)));
        operations.addAll(List.of(
                Operation.named(SERVICE, "AddTags", AddTagsRequest.class).on((c, r) -> arnsOrAny(r.resourceArns()))
                        .conditionKeys(r -> ElbTags.conditionKeys(r.tags())).handledBy(tags::addTags),
                Operation.named(SERVICE, "RemoveTags", RemoveTagsRequest.class).on((c, r) -> arnsOrAny(r.resourceArns()))
                        .conditionKeys(r -> ElbTags.removedKeys(r.tagKeys())).handledBy(tags::removeTags),
                Operation.named(SERVICE, "DescribeTags", DescribeTagsRequest.class).on(ResourceResolver.any())
                        .handledBy(tags::describeTags),
                Operation.named(SERVICE, "DescribeAccountLimits", DescribeAccountLimitsRequest.class)
                        .on(ResourceResolver.any()).handledBy(AccountLimits::describeAccountLimits)));
        return ServiceModule.of(new ServiceDefinition.Query(SERVICE, VERSION, NAMESPACE, operations), SERVICE)
                .withTags(tags::lookup);
    }

    private static List<Operation<?, ?>> loadBalancers(LoadBalancers lbs) {
        return List.of(
                Operation.named(SERVICE, "CreateLoadBalancer", CreateLoadBalancerRequest.class)
                        .on((c, r) -> List.of(ElbArns.of(c, "loadbalancer/" + ElbArns.typeSegment(r.type()) + "/"
                                + r.name() + "/*")))
                        .conditionKeys(r -> ElbTags.conditionKeys(r.tags())).handledBy(lbs::createLoadBalancer),
                Operation.named(SERVICE, "DescribeLoadBalancers", DescribeLoadBalancersRequest.class)
                        .on(ResourceResolver.any()).handledBy(lbs::describeLoadBalancers),
                Operation.named(SERVICE, "DeleteLoadBalancer", LoadBalancerArnRequest.class)
                        .on((c, r) -> arnOrAny(r.loadBalancerArn())).handledBy(lbs::deleteLoadBalancer),
                Operation.named(SERVICE, "DescribeLoadBalancerAttributes", LoadBalancerArnRequest.class)
                        .on(ResourceResolver.any()).handledBy(lbs::describeLoadBalancerAttributes),
                Operation.named(SERVICE, "ModifyLoadBalancerAttributes", ModifyLoadBalancerAttributesRequest.class)
                        .on((c, r) -> arnOrAny(r.loadBalancerArn())).handledBy(lbs::modifyLoadBalancerAttributes),
                Operation.named(SERVICE, "SetSecurityGroups", SetSecurityGroupsRequest.class)
                        .on((c, r) -> arnOrAny(r.loadBalancerArn())).handledBy(lbs::setSecurityGroups),
                Operation.named(SERVICE, "SetSubnets", SetSubnetsRequest.class)
                        .on((c, r) -> arnOrAny(r.loadBalancerArn())).handledBy(lbs::setSubnets));
    }

    private static List<Operation<?, ?>> targetGroups(TargetGroups groups) {
        return List.of(
                Operation.named(SERVICE, "CreateTargetGroup", CreateTargetGroupRequest.class)
                        .on((c, r) -> List.of(ElbArns.of(c, "targetgroup/" + r.name() + "/*")))
                        .conditionKeys(r -> ElbTags.conditionKeys(r.tags())).handledBy(groups::createTargetGroup),
                Operation.named(SERVICE, "DescribeTargetGroups", DescribeTargetGroupsRequest.class)
                        .on(ResourceResolver.any()).handledBy(groups::describeTargetGroups),
                Operation.named(SERVICE, "ModifyTargetGroup", ModifyTargetGroupRequest.class)
                        .on((c, r) -> arnOrAny(r.targetGroupArn())).handledBy(groups::modifyTargetGroup),
                Operation.named(SERVICE, "DeleteTargetGroup", TargetGroupArnRequest.class)
                        .on((c, r) -> arnOrAny(r.targetGroupArn())).handledBy(groups::deleteTargetGroup),
                Operation.named(SERVICE, "DescribeTargetGroupAttributes", TargetGroupArnRequest.class)
                        .on(ResourceResolver.any()).handledBy(groups::describeTargetGroupAttributes),
                Operation.named(SERVICE, "ModifyTargetGroupAttributes", ModifyTargetGroupAttributesRequest.class)
                        .on((c, r) -> arnOrAny(r.targetGroupArn())).handledBy(groups::modifyTargetGroupAttributes),
                Operation.named(SERVICE, "RegisterTargets", TargetsRequest.class)
                        .on((c, r) -> arnOrAny(r.targetGroupArn())).handledBy(groups::registerTargets),
                Operation.named(SERVICE, "DeregisterTargets", TargetsRequest.class)
                        .on((c, r) -> arnOrAny(r.targetGroupArn())).handledBy(groups::deregisterTargets),
                Operation.named(SERVICE, "DescribeTargetHealth", TargetsRequest.class)
                        .on(ResourceResolver.any()).handledBy(groups::describeTargetHealth));
    }

    private static List<Operation<?, ?>> listeners(Listeners listeners, Rules rules) {
        return List.of(
                Operation.named(SERVICE, "CreateListener", CreateListenerRequest.class)
                        .on((c, r) -> arnOrAny(r.loadBalancerArn()))
                        .conditionKeys(r -> ElbTags.conditionKeys(r.tags())).handledBy(listeners::createListener),
                Operation.named(SERVICE, "DescribeListeners", DescribeListenersRequest.class)
                        .on(ResourceResolver.any()).handledBy(listeners::describeListeners),
                Operation.named(SERVICE, "ModifyListener", ModifyListenerRequest.class)
                        .on((c, r) -> arnOrAny(r.listenerArn())).handledBy(listeners::modifyListener),
                Operation.named(SERVICE, "DeleteListener", ListenerArnRequest.class)
                        .on((c, r) -> arnOrAny(r.listenerArn())).handledBy(listeners::deleteListener),
                Operation.named(SERVICE, "CreateRule", CreateRuleRequest.class)
                        .on((c, r) -> arnOrAny(r.listenerArn()))
                        .conditionKeys(r -> ElbTags.conditionKeys(r.tags())).handledBy(rules::createRule),
                Operation.named(SERVICE, "DescribeRules", DescribeRulesRequest.class)
                        .on(ResourceResolver.any()).handledBy(rules::describeRules),
                Operation.named(SERVICE, "ModifyRule", ModifyRuleRequest.class)
                        .on((c, r) -> arnOrAny(r.ruleArn())).handledBy(rules::modifyRule),
                Operation.named(SERVICE, "DeleteRule", RuleArnRequest.class)
                        .on((c, r) -> arnOrAny(r.ruleArn())).handledBy(rules::deleteRule),
                Operation.named(SERVICE, "SetRulePriorities", SetRulePrioritiesRequest.class)
                        .on((c, r) -> r.rulePriorities() == null || r.rulePriorities().isEmpty() ? List.of("*")
                                : r.rulePriorities().stream().map(p -> String.valueOf(p.ruleArn())).toList())
                        .handledBy(rules::setRulePriorities));
    }

    /** The one ARN a request names; "*" when it names none, which its handler then refuses. */
    private static List<String> arnOrAny(String arn) {
        return List.of(arn == null ? "*" : arn);
    }

    private static List<String> arnsOrAny(List<String> arns) {
        return arns == null || arns.isEmpty() ? List.of("*") : arns;
    }
}
