package io.berth.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * The message of AWS's model validation errors: "1 validation error detected: Value 'x' at
 * 'member' failed to satisfy constraint: Member must ..." with one entry a failed constraint,
 * joined by "; " behind the count. Some services echo the value (Logs, STS), IAM no longer does.
 */
public final class ValidationMessages {

    private final List<String> entries = new ArrayList<>();

    /** An empty list of failed constraints, to add to. */
    public static ValidationMessages collect() {
        return new ValidationMessages();
    }

    /** The message of a single failed constraint that shows the value ({@code null} unquoted). */
    public static String one(Object value, String member, String constraint) {
        return collect().value(value, member, constraint).message();
    }

    /** A failed constraint shown with the value: "Value 'x' at 'member' ..." or "Value null at ...". */
    public ValidationMessages value(Object value, String member, String constraint) {
        return add("Value " + (value == null ? "null" : "'" + value + "'"), member, constraint);
    }

    /** A failed constraint shown without the value: "Value at 'member' ...". */
    public ValidationMessages member(String member, String constraint) {
        return add("Value", member, constraint);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** "N validation error(s) detected: " and the entries. */
    public String message() {
        int count = entries.size();
        return count + " validation error" + (count == 1 ? "" : "s") + " detected: " + String.join("; ", entries);
    }

    private ValidationMessages add(String shown, String member, String constraint) {
        entries.add(shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
        return this;
    }
}
