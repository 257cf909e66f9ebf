package io.berth.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a policy document, compiled for evaluation.
 *
 * @param index      the statement's position in the document (0-based)
 * @param sid        the Sid, or null
 * @param effect     Allow or Deny
 * @param action     the Action or NotAction element
 * @param resource   the Resource or NotResource element ({@code present()} false in trust policies)
 * @param principal  the Principal or NotPrincipal element ({@code present()} false in identity policies)
 * @param conditions the condition tests, all of which must hold
 * @param start      where the statement's object starts in the document text (null if unknown)
 * @param end        where it ends (null if unknown)
 */
public record Statement(int index, String sid, Effect effect, ActionElement action, ResourceElement resource,
                        PrincipalElement principal, List<Condition> conditions, SourcePosition start, SourcePosition end) {
    public Statement {
        Objects.requireNonNull(effect, "effect");
        action = action == null ? ActionElement.ABSENT : action;
        resource = resource == null ? ResourceElement.ABSENT : resource;
        principal = principal == null ? PrincipalElement.ABSENT : principal;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    boolean conditionsHold(KeyResolver resolver, java.util.Collection<String> missing) {
        List<Condition> cs = conditions;
        if (missing == null) {
            for (int i = 0, n = cs.size(); i < n; i++) if (!cs.get(i).evaluate(resolver, null)) return false;
            return true;
        }
        // evaluate all of them so that every missing key gets reported
        boolean all = true;
        for (int i = 0, n = cs.size(); i < n; i++) if (!cs.get(i).evaluate(resolver, missing)) all = false;
        return all;
    }
}
