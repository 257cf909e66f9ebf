package io.berth.elb.dataplane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A listener: a port, its protocol, the action when no rule matches, and its rules (any order;
 * they are evaluated by priority). TCP listeners forward only and have no rules.
 */
public record Listener(int port, Protocol protocol, Action defaultAction, List<Rule> rules) {

    public Listener {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("listener port " + port + " is not 1-65535");
        }
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(defaultAction);
        rules = List.copyOf(rules);
        if (protocol == Protocol.TCP && (!rules.isEmpty() || !(defaultAction instanceof Action.Forward))) {
            throw new IllegalArgumentException("a TCP listener only forwards");
        }
        if (rules.stream().map(Rule::priority).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("two rules of the listener on port " + port + " have one priority");
        }
    }

    /** Rules in the order they are evaluated: lowest priority value first. */
    public List<Rule> rulesByPriority() {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(Rule::priority));
        return sorted;
    }

    public Set<String> targetGroupIds() {
        Set<String> ids = new LinkedHashSet<>(defaultAction.targetGroupIds());
        rules.forEach(rule -> ids.addAll(rule.action().targetGroupIds()));
        return ids;
    }
}
