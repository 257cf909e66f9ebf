package io.berth.elb;

import io.berth.kit.PageTokens;
import io.berth.edge.RequestContext;
import io.berth.elb.ElbMessages.Action;
import io.berth.elb.ElbMessages.CreateRuleRequest;
import io.berth.elb.ElbMessages.DescribeRulesRequest;
import io.berth.elb.ElbMessages.DescribeRulesResult;
import io.berth.elb.ElbMessages.Empty;
import io.berth.elb.ElbMessages.ModifyRuleRequest;
import io.berth.elb.ElbMessages.Rule;
import io.berth.elb.ElbMessages.RuleArnRequest;
import io.berth.elb.ElbMessages.RuleCondition;
import io.berth.elb.ElbMessages.RulePriorityPair;
import io.berth.elb.ElbMessages.RulesResult;
import io.berth.elb.ElbMessages.SetRulePrioritiesRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules of application load balancers' listeners, by priority (1 to 50000, each once per
 * listener), and each listener's default rule, which holds the listener's default actions and
 * can be neither deleted nor given conditions or a priority.
 */
final class Rules {

    private final ElbRuntime elb;

    Rules(ElbRuntime elb) {
        this.elb = elb;
    }

    RulesResult createRule(RequestContext context, CreateRuleRequest request) {
        String listenerArn = Listeners.requireArn(context, request.listenerArn());
        List<Stored.Tag> tags = ElbTags.validate(request.tags());
        int priority = priority(request.priority());
        List<RuleCondition> conditions = Conditions.check(request.conditions());
        return elb.write(context, documents -> {
            Stored.Listener listener = Listeners.find(documents, listenerArn);
            Stored.LoadBalancer lb = loadBalancer(documents, listener);
            if (!lb.type().equals("application")) {
                throw ElbErrors.invalidConfiguration("Rules can only be added to listeners of Application Load Balancers");
            }
            if (documents.rulesOf(listenerArn).stream().anyMatch(r -> Integer.valueOf(priority).equals(r.priority()))) {
                throw ElbErrors.error("PriorityInUse", "Priority '" + priority + "' is currently in use");
            }
            List<Action> actions = Actions.check(request.actions(), "actions", lb, listener.protocol(), documents,
                    Usage.loadBalancersByGroup(documents));
            Stored.Rule rule = new Stored.Rule(ElbArns.rule(listenerArn, elb.newId()), listenerArn, priority,
                    StoredShapes.conditions(conditions), StoredShapes.actions(actions), tags);
            documents.save(ElbDocuments.RULE, rule);
            return new RulesResult(List.of(view(rule, listener)));
        });
    }

    DescribeRulesResult describeRules(RequestContext context, DescribeRulesRequest request) {
        List<String> arns = request.ruleArns() == null ? List.of() : request.ruleArns();
        if (arns.isEmpty() == (request.listenerArn() == null)) {
            throw ElbErrors.validation("You must specify either listener rule ARNs or a listener ARN");
        }
        arns.forEach(arn -> requireArn(context, arn));
        return elb.read(context, documents -> {
            List<Stored.Rule> chosen;
            if (request.listenerArn() != null) {
                Listeners.find(documents, Listeners.requireArn(context, request.listenerArn()));
                chosen = documents.rulesOf(request.listenerArn());
            } else {
                chosen = documents.all(ElbDocuments.RULE).stream().filter(r -> arns.contains(r.arn())).toList();
                if (chosen.size() < new HashSet<>(arns).size()) {
                    throw ElbErrors.ruleNotFound();
                }
            }
            // By priority, the default rule last, as ELB lists them; the marker is the position's key.
            List<Stored.Rule> sorted = chosen.stream().sorted(Comparator.comparing(Rules::sortKey)).toList();
            PageTokens.Page<Stored.Rule> page = ElbPaging.page(sorted, Rules::sortKey, request.marker(), request.pageSize());
            return new DescribeRulesResult(page.items().stream()
                    .map(rule -> view(rule, Listeners.find(documents, rule.listenerArn()))).toList(), page.nextToken());
        });
    }

    RulesResult modifyRule(RequestContext context, ModifyRuleRequest request) {
        String arn = requireArn(context, request.ruleArn());
        boolean conditionsGiven = request.conditions() != null && !request.conditions().isEmpty();
        boolean actionsGiven = request.actions() != null && !request.actions().isEmpty();
        if (!conditionsGiven && !actionsGiven) {
            throw ElbErrors.validation("Either conditions or actions must be specified");
        }
        return elb.write(context, documents -> {
            Stored.Rule rule = find(documents, arn);
            Stored.Listener listener = Listeners.find(documents, rule.listenerArn());
            Stored.LoadBalancer lb = loadBalancer(documents, listener);
            List<Action> actions = actionsGiven ? Actions.check(request.actions(), "actions", lb, listener.protocol(),
                    documents, Usage.loadBalancersByGroup(documents)) : null;
            if (rule.isDefault()) {
                if (conditionsGiven) {
                    throw ElbErrors.error("OperationNotPermitted", "Conditions cannot be set on a default rule");
                }
                Stored.Listener changed = listener.with(listener.protocol(), listener.port(), StoredShapes.actions(actions));
                documents.save(ElbDocuments.LISTENER, changed);
                return new RulesResult(List.of(view(rule, changed)));
            }
            Stored.Rule changed = rule.with(rule.priority(),
                    conditionsGiven ? StoredShapes.conditions(Conditions.check(request.conditions())) : rule.conditions(),
                    actionsGiven ? StoredShapes.actions(actions) : rule.actions());
            documents.save(ElbDocuments.RULE, changed);
            return new RulesResult(List.of(view(changed, listener)));
        });
    }

    Empty deleteRule(RequestContext context, RuleArnRequest request) {
        String arn = requireArn(context, request.ruleArn());
        return elb.write(context, documents -> {
            Stored.Rule rule = find(documents, arn);
            if (rule.isDefault()) {
                throw ElbErrors.error("OperationNotPermitted", "Default rule '" + arn + "' cannot be deleted");
            }
            documents.delete(ElbDocuments.RULE, arn);
            return new Empty();
        });
    }

    RulesResult setRulePriorities(RequestContext context, SetRulePrioritiesRequest request) {
        if (request.rulePriorities() == null) {
            throw ElbErrors.required("rulePriorities");
        }
        Map<String, Integer> wanted = new HashMap<>();
        Set<Integer> priorities = new HashSet<>();
        for (RulePriorityPair pair : request.rulePriorities()) {
            requireArn(context, pair.ruleArn());
            int priority = priority(pair.priority());
            if (!priorities.add(priority)) {
                throw ElbErrors.validation("Priority '" + priority + "' was provided multiple times");
            }
            wanted.put(pair.ruleArn(), priority);
        }
        return elb.write(context, documents -> {
            List<Stored.Rule> changed = new ArrayList<>();
            for (RulePriorityPair pair : request.rulePriorities()) {
                Stored.Rule rule = find(documents, pair.ruleArn());
                if (rule.isDefault()) {
                    throw ElbErrors.error("OperationNotPermitted", "The priority of default rule '" + rule.arn()
                            + "' cannot be changed");
                }
                int priority = wanted.get(rule.arn());
                boolean taken = documents.rulesOf(rule.listenerArn()).stream().anyMatch(other ->
                        !wanted.containsKey(other.arn()) && Integer.valueOf(priority).equals(other.priority()));
                if (taken) {
                    throw ElbErrors.error("PriorityInUse", "Priority '" + priority + "' is currently in use");
                }
                changed.add(rule.with(priority, rule.conditions(), rule.actions()));
            }
            changed.forEach(rule -> documents.save(ElbDocuments.RULE, rule));
            return new RulesResult(changed.stream()
                    .map(rule -> view(rule, Listeners.find(documents, rule.listenerArn()))).toList());
        });
    }

    private static Stored.LoadBalancer loadBalancer(ElbDocuments documents, Stored.Listener listener) {
        return documents.find(ElbDocuments.LOAD_BALANCER, listener.loadBalancerArn())
                .orElseThrow(ElbErrors::loadBalancerNotFound);
    }

    private static Stored.Rule find(ElbDocuments documents, String arn) {
        return documents.find(ElbDocuments.RULE, arn).orElseThrow(ElbErrors::ruleNotFound);
    }

    static String requireArn(RequestContext context, String arn) {
        if (arn == null) {
            throw ElbErrors.required("ruleArn");
        }
        if (ElbArns.kindOf(context, arn).filter(k -> k == ElbArns.Kind.RULE).isEmpty()) {
            throw ElbErrors.invalidArn(arn, "rule");
        }
        return arn;
    }

    private static int priority(Integer priority) {
        if (priority == null) {
            throw ElbErrors.required("priority");
        }
        if (priority < 1 || priority > 50000) {
            throw ElbErrors.constraint(priority, "priority", priority < 1
                    ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 50000");
        }
        return priority;
    }

    /** Priorities in numeric order as text that sorts so, the default rule after every numbered one. */
    private static String sortKey(Stored.Rule rule) {
        return rule.isDefault() ? "default" : String.format("%05d", rule.priority()) + rule.arn();
    }

    private static Rule view(Stored.Rule rule, Stored.Listener listener) {
        return rule.isDefault()
                ? new Rule(rule.arn(), "default", List.of(), StoredShapes.actions(listener.defaultActions()), true)
                : new Rule(rule.arn(), String.valueOf(rule.priority()), StoredShapes.conditions(rule.conditions()),
                StoredShapes.actions(rule.actions()), false);
    }
}
