package io.berth.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * A statement's Resource or NotResource element: ARN patterns matched segment by segment (see
 * {@link ArnPattern}), "*" matching everything, policy variables resolved per request. A
 * statement without either element (a role trust policy) applies to any resource.
 */
public final class ResourceElement {
    static final ResourceElement ABSENT = new ResourceElement(false, false, List.of(), false);

    private final boolean present;
    private final boolean negated;
    private final List<String> values;
    private final Template[] templates;
    private final ArnPattern[] fixed;

    private ResourceElement(boolean present, boolean negated, List<String> values, boolean variables) {
        this.present = present;
        this.negated = negated;
        this.values = List.copyOf(values);
        this.templates = new Template[this.values.size()];
        this.fixed = new ArnPattern[this.values.size()];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = Template.compile(this.values.get(i), variables, false, true);
            if (templates[i].isFixed()) fixed[i] = new ArnPattern(templates[i].fixed());
        }
    }

    static ResourceElement of(boolean negated, List<String> values, boolean variables) {
        return new ResourceElement(true, negated, values, variables);
    }

    /** Whether the statement has a Resource or a NotResource element. */
    public boolean present() { return present; }

    /** True for NotResource. */
    public boolean negated() { return negated; }

    /** The patterns as written. */
    public List<String> values() { return values; }

    boolean listed(String resource, KeyResolver resolver) {
        for (int i = 0; i < templates.length; i++) {
            ArnPattern p = fixed[i];
            if (p == null) {
                p = templates[i].resolveArn(resolver);
                if (p == null) continue;   // an unresolvable variable matches nothing
            }
            if (p.matches(resource)) return true;
        }
        return false;
    }

    /** Whether the statement applies to {@code resource}. */
    boolean applies(String resource, KeyResolver resolver) {
        if (!present) return true;
        return listed(resource, resolver) != negated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceElement r && r.present == present && r.negated == negated && r.values.equals(values);
    }

    @Override
    public int hashCode() { return Objects.hash(present, negated, values); }

    @Override
    public String toString() { return !present ? "-" : (negated ? "NotResource" : "Resource") + values; }
}
