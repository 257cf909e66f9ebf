package io.berth.iam.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy value that may contain policy variables ({@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'default'}}, and the escapes {@code ${*}}, {@code ${?}},
 * {@code ${$}}). Variables are only recognised in documents of version 2012-10-17; in older
 * documents the text is literal. A template without variables compiles to one {@link Glob}
 * at parse time; otherwise the glob is built from the resolved values, whose characters are
 * always literal, and kept with them until a request resolves other values (the variables are
 * mostly the principal's, the same request after request).
 */
final class Template {
    private final String raw;
    private final Glob fixed;               // non-null when there are no variables
    private final List<Object> parts;       // String (policy text) or Var
    private final boolean ignoreCase;
    private final boolean wildcards;

    private record Var(String key, String fallback) {}

    /**
     * The values the variables last resolved to and the glob they made; its ARN pattern is made
     * when first asked for. Replaced whole, racily: any thread may find any recent one, and it is
     * right for its values.
     */
    private static final class Resolved {
        final String[] values;
        final Glob glob;
        ArnPattern arn;     // racy but safe: an ArnPattern is immutable, and any copy is right

        Resolved(String[] values, Glob glob) {
            this.values = values;
            this.glob = glob;
        }
    }

    private Resolved last;

    private Template(String raw, Glob fixed, List<Object> parts, boolean ignoreCase, boolean wildcards) {
        this.raw = raw;
        this.fixed = fixed;
        this.parts = parts;
        this.ignoreCase = ignoreCase;
        this.wildcards = wildcards;
    }

    static Template compile(String raw, boolean variables, boolean ignoreCase, boolean wildcards) {
        if (!variables || !raw.contains("${")) {
            return new Template(raw, Glob.compile(raw, ignoreCase, wildcards), null, ignoreCase, wildcards);
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("${", i);
            if (open < 0) { text.append(raw, i, raw.length()); break; }
            int close = raw.indexOf('}', open + 2);
            if (close < 0) { text.append(raw, i, raw.length()); break; }
            text.append(raw, i, open);
            String inner = raw.substring(open + 2, close).trim();
            if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                if (!text.isEmpty()) { parts.add(text.toString()); text.setLength(0); }
                parts.add(new Var(null, inner));   // an escape: a literal character
            } else {
                String key = inner;
                String fallback = null;
                int comma = inner.indexOf(',');
                if (comma >= 0) {
                    key = inner.substring(0, comma).trim();
                    String d = inner.substring(comma + 1).trim();
                    if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) fallback = d.substring(1, d.length() - 1);
                    else fallback = d;
                }
                if (!text.isEmpty()) { parts.add(text.toString()); text.setLength(0); }
                parts.add(new Var(key.toLowerCase(java.util.Locale.ROOT), fallback));
            }
            i = close + 1;
        }
        if (!text.isEmpty()) parts.add(text.toString());
        boolean anyVar = false;
        for (Object p : parts) if (p instanceof Var) { anyVar = true; break; }
        if (!anyVar) return new Template(raw, Glob.compile(raw, ignoreCase, wildcards), null, ignoreCase, wildcards);
        return new Template(raw, null, List.copyOf(parts), ignoreCase, wildcards);
    }

    String raw() { return raw; }

    boolean isFixed() { return fixed != null; }

    /** The compiled pattern when there are no variables. */
    Glob fixed() { return fixed; }

    /** Resolves the variables; null when one has no value and no default (the value then matches nothing). */
    Glob resolve(KeyResolver resolver) {
        if (fixed != null) return fixed;
        Resolved r = resolved(resolver);
        return r == null ? null : r.glob;
    }

    /** {@link #resolve} as an ARN pattern; null likewise. */
    ArnPattern resolveArn(KeyResolver resolver) {
        if (fixed != null) return new ArnPattern(fixed);
        Resolved r = resolved(resolver);
        if (r == null) return null;
        ArnPattern p = r.arn;
        if (p == null) {
            p = new ArnPattern(r.glob);
            r.arn = p;
        }
        return p;
    }

    private Resolved resolved(KeyResolver resolver) {
        Resolved known = last;
        if (known != null) {
            boolean same = true;
            int j = 0;
            for (Object part : parts) {
                if (part instanceof Var v) {
                    String value = value(v, resolver);
                    if (value == null) return null;
                    if (!value.equals(known.values[j++])) { same = false; break; }
                }
            }
            if (same) return known;
        }
        List<String> values = new ArrayList<>(parts.size());
        StringBuilder chars = new StringBuilder();
        StringBuilder kinds = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    chars.append(c);
                    kinds.append((char) (wildcards && c == '*' ? Glob.STAR : wildcards && c == '?' ? Glob.ONE : Glob.LITERAL));
                }
            } else {
                String value = value((Var) part, resolver);
                if (value == null) return null;
                values.add(value);
                for (int i = 0; i < value.length(); i++) {
                    chars.append(value.charAt(i));
                    kinds.append((char) Glob.LITERAL);
                }
            }
        }
        char[] c = new char[chars.length()];
        chars.getChars(0, c.length, c, 0);
        byte[] k = new byte[kinds.length()];
        for (int i = 0; i < k.length; i++) k[i] = (byte) kinds.charAt(i);
        Resolved fresh = new Resolved(values.toArray(new String[0]), Glob.of(c, k, ignoreCase));
        last = fresh;
        return fresh;
    }

    /** A variable's value: the request's first value of its key, else its default; null when neither. */
    private static String value(Var v, KeyResolver resolver) {
        if (v.key() == null) return v.fallback();
        List<String> values = resolver.values(v.key());
        return values != null && !values.isEmpty() ? values.get(0) : v.fallback();
    }

    @Override
    public String toString() { return raw; }
}
