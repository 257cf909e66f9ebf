package io.berth.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * A statement's Action or NotAction element: "service:Action" patterns with {@code *} and
 * {@code ?}, matched case-insensitively against the whole action name; "*" matches every action.
 */
public final class ActionElement {
    static final ActionElement ABSENT = new ActionElement(false, false, List.of());

    private final boolean present;
    private final boolean negated;
    private final List<String> values;
    private final Glob[] globs;
    /**
     * The action last asked about and the answer: requests mostly repeat it (an operation's
     * action is one string). Replaced whole, racily: any thread may find any recent entry, and
     * it is right for its action.
     */
    private Listed last;

    private record Listed(String action, boolean listed) {
    }

    private ActionElement(boolean present, boolean negated, List<String> values) {
        this.present = present;
        this.negated = negated;
        this.values = List.copyOf(values);
        this.globs = new Glob[this.values.size()];
        for (int i = 0; i < globs.length; i++) globs[i] = Glob.compile(this.values.get(i), true, true);
    }

    static ActionElement of(boolean negated, List<String> values) {
        return new ActionElement(true, negated, values);
    }

    /** Whether the statement has an Action or a NotAction element. */
    public boolean present() { return present; }

    /** True for NotAction. */
    public boolean negated() { return negated; }

    /** The patterns as written. */
    public List<String> values() { return values; }

    /** Whether any pattern matches {@code action} (ignoring NotAction). */
    boolean listed(String action) {
        Listed known = last;
        if (known != null && (known.action() == action || action != null && action.equals(known.action()))) return known.listed();
        boolean listed = false;
        for (Glob g : globs) {
            if (g.matches(action)) { listed = true; break; }
        }
        last = new Listed(action, listed);
        return listed;
    }

    /** Whether the statement applies to {@code action}: listed for Action, not listed for NotAction. */
    boolean applies(String action) {
        if (!present) return false;
        return listed(action) != negated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionElement a && a.present == present && a.negated == negated && a.values.equals(values);
    }

    @Override
    public int hashCode() { return Objects.hash(present, negated, values); }

    @Override
    public String toString() { return !present ? "-" : (negated ? "NotAction" : "Action") + values; }
}
