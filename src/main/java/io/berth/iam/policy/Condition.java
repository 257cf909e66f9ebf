package io.berth.iam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One condition test of a statement: an operator (with its optional ForAnyValue:/ForAllValues:
 * qualifier and IfExists suffix), one condition key and the policy's values for it. A statement
 * holds one Condition per (operator, key) pair; they are AND-ed, and the values of one Condition
 * are OR-ed (NOR-ed for a negated operator). Values are compiled when the policy is parsed;
 * values holding policy variables are resolved per request.
 */
public final class Condition {

    /** The set qualifier of a condition operator. */
    public enum SetQualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private final String operatorText;
    private final ConditionOperator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerKey;
    private final List<String> values;
    private final Value[] compiled;
    /**
     * The request value last parsed as an address or a date, and what it parsed to: requests
     * mostly repeat them (aws:SourceIp, aws:CurrentTime within a second). Replaced whole, racily:
     * any thread may find any recent entry, and it is right for its text.
     */
    private Parsed lastParsed;

    private record Parsed(String text, Object value) {
    }

    /** One policy value, compiled for its operator. */
    private static final class Value {
        final String raw;
        final Template template;
        final Glob glob;            // string / arn kinds, no variables
        final ArnPattern arn;       // arn kind, no variables
        final BigDecimal number;    // numeric kind
        final Instant instant;      // date kind
        final IpCidr cidr;          // ip kind
        final byte[] binary;        // binary kind

        Value(String raw, ConditionOperator op, boolean variables) {
            this.raw = raw;
            ConditionOperator.Kind k = op.kind;
            boolean ignoreCase = k == ConditionOperator.Kind.STRING_IGNORE_CASE;
            boolean wildcards = k == ConditionOperator.Kind.STRING_LIKE || k == ConditionOperator.Kind.ARN;
            this.template = Template.compile(raw, variables, ignoreCase, wildcards);
            Glob g = template.fixed();
            this.glob = g;
            this.arn = (k == ConditionOperator.Kind.ARN && g != null) ? new ArnPattern(g) : null;
            boolean fixed = template.isFixed();
            this.number = fixed && op.isNumeric() ? parseNumber(raw) : null;
            this.instant = fixed && op.isDate() ? DateValue.parse(raw) : null;
            this.cidr = fixed && k == ConditionOperator.Kind.IP ? IpCidr.parse(raw) : null;
            this.binary = fixed && k == ConditionOperator.Kind.BINARY ? decode(raw) : null;
        }
    }

    Condition(String operatorText, ConditionOperator operator, SetQualifier qualifier, boolean ifExists,
              String key, List<String> values, boolean variables) {
        this.operatorText = Objects.requireNonNull(operatorText);
        this.operator = Objects.requireNonNull(operator);
        this.qualifier = Objects.requireNonNull(qualifier);
        this.ifExists = ifExists;
        this.key = Objects.requireNonNull(key);
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.values = List.copyOf(values);
        this.compiled = new Value[this.values.size()];
        for (int i = 0; i < compiled.length; i++) compiled[i] = new Value(this.values.get(i), operator, variables);
    }

    /** The operator as written in the policy, e.g. "ForAllValues:StringLikeIfExists". */
    public String operatorText() { return operatorText; }

    public ConditionOperator operator() { return operator; }

    public SetQualifier qualifier() { return qualifier; }

    public boolean ifExists() { return ifExists; }

    /** The condition key as written in the policy. */
    public String key() { return key; }

    /** The policy's values for the key, as written (booleans and numbers as their JSON text). */
    public List<String> values() { return values; }

    /**
     * Evaluates the condition against the request's context.
     *
     * @param missing receives the key when the request lacks it (for SimulatePrincipalPolicy's
     *                missingContextValues); may be null
     */
    boolean evaluate(KeyResolver resolver, Collection<String> missing) {
        List<String> requestValues = resolver.values(lowerKey);
        boolean absent = requestValues == null || requestValues.isEmpty();
        if (operator == ConditionOperator.NULL) {
            for (Value v : compiled) {
                String text = text(v, resolver);
                if (text == null) continue;
                if (text.equalsIgnoreCase("true") && absent) return true;
                if (text.equalsIgnoreCase("false") && !absent) return true;
            }
            return false;
        }
        if (absent) {
            if (ifExists) return true;
            if (missing != null) {
                boolean seen = false;
                for (String m : missing) if (m.equalsIgnoreCase(key)) { seen = true; break; }
                if (!seen) missing.add(key);
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        boolean negated = operator.negated();
        switch (qualifier) {
            case NONE -> {
                for (int i = 0, n = requestValues.size(); i < n; i++) {
                    if (matchesAnyValue(requestValues.get(i), resolver)) return !negated;
                }
                return negated;
            }
            case FOR_ANY_VALUE -> {
                for (int i = 0, n = requestValues.size(); i < n; i++) {
                    if (matchesAnyValue(requestValues.get(i), resolver) != negated) return true;
                }
                return false;
            }
            default -> {
                for (int i = 0, n = requestValues.size(); i < n; i++) {
                    if (matchesAnyValue(requestValues.get(i), resolver) == negated) return false;
                }
                return true;
            }
        }
    }

    /** Whether one request value matches at least one policy value under the positive operator. */
    private boolean matchesAnyValue(String requestValue, KeyResolver resolver) {
        if (requestValue == null) return false;
        ConditionOperator.Kind kind = operator.kind;
        switch (kind) {
            case STRING, STRING_IGNORE_CASE, STRING_LIKE -> {
                for (Value v : compiled) {
                    Glob g = v.glob != null ? v.glob : v.template.resolve(resolver);
                    if (g != null && g.matches(requestValue)) return true;
                }
                return false;
            }
            case ARN -> {
                for (Value v : compiled) {
                    ArnPattern p = v.arn;
                    if (p == null) {
                        p = v.template.resolveArn(resolver);
                        if (p == null) continue;
                    }
                    if (p.matches(requestValue)) return true;
                }
                return false;
            }
            case BOOL -> {
                for (Value v : compiled) {
                    String t = text(v, resolver);
                    if (t != null && t.equalsIgnoreCase(requestValue)) return true;
                }
                return false;
            }
            case NULL -> {
                return false;
            }
            case IP -> {
                byte[] ip = address(requestValue);
                if (ip == null) return false;
                for (Value v : compiled) {
                    IpCidr c = v.cidr != null ? v.cidr : (v.template.isFixed() ? null : IpCidr.parse(text(v, resolver)));
                    if (c != null && c.contains(ip)) return true;
                }
                return false;
            }
            case BINARY -> {
                byte[] bytes = decode(requestValue);
                for (Value v : compiled) {
                    byte[] pv = v.binary != null ? v.binary : (v.template.isFixed() ? null : decode(text(v, resolver)));
                    if (bytes != null && pv != null) {
                        if (java.util.Arrays.equals(bytes, pv)) return true;
                    } else {
                        String t = text(v, resolver);
                        if (t != null && t.equals(requestValue)) return true;
                    }
                }
                return false;
            }
            default -> {
                if (operator.isNumeric()) {
                    BigDecimal rv = parseNumber(requestValue);
                    if (rv == null) return false;
                    for (Value v : compiled) {
                        BigDecimal pv = v.number != null ? v.number : (v.template.isFixed() ? null : parseNumber(text(v, resolver)));
                        if (pv != null && compare(kind, rv.compareTo(pv))) return true;
                    }
                    return false;
                }
                Instant rv = date(requestValue);
                if (rv == null) return false;
                for (Value v : compiled) {
                    Instant pv = v.instant != null ? v.instant : (v.template.isFixed() ? null : DateValue.parse(text(v, resolver)));
                    if (pv != null && compare(kind, rv.compareTo(pv))) return true;
                }
                return false;
            }
        }
    }

    /** {@code IpCidr.parseAddress} of the trimmed request value (never modified by callers), or null. */
    private byte[] address(String requestValue) {
        Parsed last = lastParsed;
        if (last != null && (last.text() == requestValue || requestValue.equals(last.text()))) {
            return (byte[]) last.value();
        }
        byte[] ip = IpCidr.parseAddress(requestValue.trim());
        lastParsed = new Parsed(requestValue, ip);
        return ip;
    }

    /** {@code DateValue.parse} of the request value, or null. */
    private Instant date(String requestValue) {
        Parsed last = lastParsed;
        if (last != null && (last.text() == requestValue || requestValue.equals(last.text()))) {
            return (Instant) last.value();
        }
        Instant instant = DateValue.parse(requestValue);
        lastParsed = new Parsed(requestValue, instant);
        return instant;
    }

    private static boolean compare(ConditionOperator.Kind kind, int cmp) {
        return switch (kind) {
            case NUMERIC_EQ, DATE_EQ -> cmp == 0;
            case NUMERIC_LT, DATE_LT -> cmp < 0;
            case NUMERIC_LE, DATE_LE -> cmp <= 0;
            case NUMERIC_GT, DATE_GT -> cmp > 0;
            case NUMERIC_GE, DATE_GE -> cmp >= 0;
            default -> false;
        };
    }

    /** The value's text with its policy variables resolved (literal characters), or null. */
    private static String text(Value v, KeyResolver resolver) {
        if (v.template.isFixed()) return v.raw;
        Glob g = v.template.resolve(resolver);
        return g == null ? null : new String(g.chars);
    }

    static BigDecimal parseNumber(String s) {
        if (s == null) return null;
        String t = s.trim();
        if (t.isEmpty() || t.length() > 64) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] decode(String s) {
        if (s == null) return null;
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && c.operatorText.equals(operatorText) && c.key.equals(key) && c.values.equals(values);
    }

    @Override
    public int hashCode() { return Objects.hash(operatorText, key, values); }

    @Override
    public String toString() { return operatorText + "{" + key + "=" + values + "}"; }
}
