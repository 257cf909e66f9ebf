package io.berth.iam.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The condition operators of the IAM policy language (without the ForAnyValue:/ForAllValues:
 * qualifiers and the IfExists suffix, which {@link Condition} carries). A negated operator
 * (StringNotEquals, NotIpAddress, ...) is true when its positive counterpart matches none of the
 * policy values (the values are NOR-ed), and true when the key is absent from the request.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Kind.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Kind.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC_EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC_EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC_LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC_LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC_GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC_GE, false),
    DATE_EQUALS("DateEquals", Kind.DATE_EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Kind.DATE_EQ, true),
    DATE_LESS_THAN("DateLessThan", Kind.DATE_LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE_LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Kind.DATE_GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE_GE, false),
    BOOL("Bool", Kind.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Kind.BINARY, false),
    IP_ADDRESS("IpAddress", Kind.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Kind.IP, true),
    ARN_EQUALS("ArnEquals", Kind.ARN, false),
    ARN_LIKE("ArnLike", Kind.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Kind.ARN, true),
    NULL("Null", Kind.NULL, false);

    enum Kind {
        STRING, STRING_IGNORE_CASE, STRING_LIKE,
        NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
        DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE,
        BOOL, BINARY, IP, ARN, NULL
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) BY_NAME.put(op.policyName, op);
    }

    private final String policyName;
    final Kind kind;
    private final boolean negated;

    ConditionOperator(String policyName, Kind kind, boolean negated) {
        this.policyName = policyName;
        this.kind = kind;
        this.negated = negated;
    }

    /** The operator's name as written in a policy, e.g. "StringEquals". */
    public String policyName() { return policyName; }

    /** Whether the operator is a negated matching operator (values NOR-ed, absent key true). */
    public boolean negated() { return negated; }

    /** The operator named exactly (case-sensitively) {@code name}, or null. */
    public static ConditionOperator byName(String name) { return BY_NAME.get(name); }

    boolean isDate() {
        return kind == Kind.DATE_EQ || kind == Kind.DATE_LT || kind == Kind.DATE_LE || kind == Kind.DATE_GT || kind == Kind.DATE_GE;
    }

    boolean isNumeric() {
        return kind == Kind.NUMERIC_EQ || kind == Kind.NUMERIC_LT || kind == Kind.NUMERIC_LE || kind == Kind.NUMERIC_GT || kind == Kind.NUMERIC_GE;
    }
}
