package io.berth.iam.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement's Principal or NotPrincipal element: "*" or a map of principal types ("AWS",
 * "Service", "Federated", "CanonicalUser") to identifiers.
 *
 * <p>An "AWS" identifier may be "*" (everyone, equivalent to "Principal": "*"), a 12-digit
 * account id or the account's root ARN (any principal of that account), a user ARN, a role ARN
 * (the sessions of that role), or an assumed-role session ARN. In a policy as IAM stores it, a
 * user or a role is named by its unique id instead (AIDA…, AROA…): it matches that user, or the
 * sessions of that role, and no later user or role given the same name.
 *
 * <p>NotPrincipal is evaluated against every identity of the caller: its own ARN, for a role
 * session also the role's ARN, and its account. The statement applies unless all of them are
 * listed (the NotPrincipal documentation: list the session, the role and the account).
 */
public final class PrincipalElement {
    static final PrincipalElement ABSENT = new PrincipalElement(false, false, false, Map.of());

    /** How a Principal element matched the caller; the order is from weakest to strongest grant. */
    enum Match { NONE, ACCOUNT, ROLE, WILDCARD, DIRECT }

    private final boolean present;
    private final boolean negated;
    private final boolean star;
    private final Map<String, List<String>> values;

    private PrincipalElement(boolean present, boolean negated, boolean star, Map<String, List<String>> values) {
        this.present = present;
        this.negated = negated;
        this.star = star;
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = java.util.Collections.unmodifiableMap(copy);
    }

    static PrincipalElement star(boolean negated) {
        return new PrincipalElement(true, negated, true, Map.of());
    }

    static PrincipalElement of(boolean negated, Map<String, List<String>> values) {
        return new PrincipalElement(true, negated, false, values);
    }

    public boolean present() { return present; }

    /** True for NotPrincipal. */
    public boolean negated() { return negated; }

    /** True for {@code "Principal": "*"}. */
    public boolean isStar() { return star; }

    /** The identifiers by principal type ("AWS", "Service", ...), as written; empty for "*". */
    public Map<String, List<String>> values() { return values; }

    /** The identifiers of one type, e.g. values("AWS"). */
    public List<String> values(String type) { return values.getOrDefault(type, List.of()); }

    private boolean anyAws() {
        if (star) return true;
        for (String v : values("AWS")) if (v.equals("*")) return true;
        return false;
    }

    /** How the (positive) Principal element matches the caller. */
    Match match(RequestPrincipal p) {
        if (!present) return Match.NONE;
        Match best = anyAws() ? Match.WILDCARD : Match.NONE;
        switch (p.type()) {
            case ANONYMOUS -> { return best; }
            case SERVICE -> {
                for (String s : values("Service")) {
                    if (s.equalsIgnoreCase(p.arn())) return Match.DIRECT;
                }
                return best;
            }
            default -> {
                for (String v : values("AWS")) {
                    if (v.equals("*")) continue;
                    if (p.arn() != null && v.equals(p.arn()) || p.type() == RequestPrincipal.Type.USER && v.equals(p.userId())) {
                        return Match.DIRECT;   // the user, the session, or the root ARN itself
                    }
                    if (p.type() == RequestPrincipal.Type.ASSUMED_ROLE
                            && (p.roleArn() != null && v.equals(p.roleArn()) || p.hasRoleId(v))) {
                        if (best.compareTo(Match.ROLE) < 0) best = Match.ROLE;
                    } else if (isAccount(v, p.accountId())) {
                        if (best.compareTo(Match.ACCOUNT) < 0) best = Match.ACCOUNT;
                    }
                }
                if (p.type() == RequestPrincipal.Type.ROOT && best == Match.ACCOUNT) return Match.DIRECT;
                return best;
            }
        }
    }

    /** Whether a NotPrincipal statement applies to the caller (some identity of it is not listed). */
    boolean notPrincipalApplies(RequestPrincipal p) {
        if (anyAws()) return false;
        switch (p.type()) {
            case ANONYMOUS -> { return true; }
            case SERVICE -> {
                for (String s : values("Service")) if (s.equalsIgnoreCase(p.arn())) return false;
                return true;
            }
            default -> {
                List<String> aws = values("AWS");
                boolean accountListed = false;
                boolean selfListed = p.type() == RequestPrincipal.Type.ROOT;
                boolean roleListed = p.type() != RequestPrincipal.Type.ASSUMED_ROLE;
                for (String v : aws) {
                    if (isAccount(v, p.accountId())) accountListed = true;
                    if (p.arn() != null && v.equals(p.arn())
                            || p.type() == RequestPrincipal.Type.USER && v.equals(p.userId())) selfListed = true;
                    if (p.roleArn() != null && v.equals(p.roleArn()) || p.hasRoleId(v)) roleListed = true;
                }
                return !(accountListed && selfListed && roleListed);
            }
        }
    }

    /** Whether the statement's principal clause applies to the caller. */
    boolean applies(RequestPrincipal p) {
        if (!present) return false;
        return negated ? notPrincipalApplies(p) : match(p) != Match.NONE;
    }

    static boolean isAccount(String value, String accountId) {
        if (accountId == null) return false;
        if (value.equals(accountId)) return true;
        // arn:PARTITION:iam::ACCOUNT:root
        if (!value.startsWith("arn:") || !value.endsWith(":root")) return false;
        String[] parts = value.split(":", -1);
        return parts.length == 6 && parts[2].equals("iam") && parts[3].isEmpty() && parts[4].equals(accountId)
                && parts[5].equals("root");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrincipalElement e && e.present == present && e.negated == negated && e.star == star
                && e.values.equals(values);
    }

    @Override
    public int hashCode() { return Objects.hash(present, negated, star, values); }

    @Override
    public String toString() {
        if (!present) return "-";
        return (negated ? "NotPrincipal" : "Principal") + (star ? "*" : values.toString());
    }
}
