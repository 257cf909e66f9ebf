package io.berth.elb.dataplane;

import java.util.List;
import java.util.Objects;

/** A listener rule: all its conditions must match (each matches any of its values). */
public record Rule(int priority, List<Condition> conditions, Action action) {

    public Rule {
        if (priority < 1 || priority > 50000) {
            throw new IllegalArgumentException("rule priority " + priority + " is not 1-50000");
        }
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one condition");
        }
        Objects.requireNonNull(action);
    }
}
