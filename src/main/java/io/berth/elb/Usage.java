package io.berth.elb;

import io.berth.elb.ElbMessages.Action;
import io.berth.elb.ElbMessages.TargetGroupTuple;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which load balancers forward to which target groups, through their listeners' default actions and rules. */
final class Usage {

    private Usage() {
    }

    /** The target groups a list of actions forwards to, by a target group ARN or a forward configuration. */
    static Set<String> forwardedGroups(List<Action> actions) {
        Set<String> groups = new LinkedHashSet<>();
        if (actions == null) {
            return groups;
        }
        for (Action action : actions) {
            if (action.targetGroupArn() != null) {
                groups.add(action.targetGroupArn());
            }
            if (action.forwardConfig() != null && action.forwardConfig().targetGroups() != null) {
                action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn).forEach(groups::add);
            }
        }
        return groups;
    }

    /** Each target group in use, with the load balancers (in ARN order) whose listeners or rules forward to it. */
    static Map<String, Set<String>> loadBalancersByGroup(ElbDocuments documents) {
        Map<String, String> listenerLoadBalancer = new TreeMap<>();
        Map<String, Set<String>> byGroup = new TreeMap<>();
        for (Stored.Listener listener : documents.all(ElbDocuments.LISTENER)) {
            listenerLoadBalancer.put(listener.arn(), listener.loadBalancerArn());
            forwardedGroups(StoredShapes.actions(listener.defaultActions())).forEach(group ->
                    byGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(listener.loadBalancerArn()));
        }
        for (Stored.Rule rule : documents.all(ElbDocuments.RULE)) {
            String lb = listenerLoadBalancer.get(rule.listenerArn());
            if (lb != null) {
                forwardedGroups(StoredShapes.actions(rule.actions())).forEach(group -> byGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(lb));
            }
        }
        return byGroup;
    }
}
