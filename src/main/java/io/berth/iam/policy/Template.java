package io.berth.iam.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A policy value that may contain policy variables ({@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'default'}}, and the escapes {@code ${*}}, {@code ${?}},
 * {@code ${$}}). Variables are only recognised in documents of version 2012-10-17; in older
 * documents the text is literal. A template without variables compiles to one {@link Glob}
 * at parse time; otherwise the glob is built per request from the resolved values, whose
 * characters are always literal.
 */
final class Template {
    private final String raw;
    private final Glob fixed;               // non-null when there are no variables
    private final List<Object> parts;       // String (policy text) or Var
    private final boolean ignoreCase;
    private final boolean wildcards;

    private record Var(String key, String fallback) {}

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
                Var v = (Var) part;
                String value;
                if (v.key() == null) {
                    value = v.fallback();
                } else {
                    List<String> values = resolver.values(v.key());
                    if (values != null && !values.isEmpty()) value = values.get(0);
                    else value = v.fallback();
                }
                if (value == null) return null;
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
        return Glob.of(c, k, ignoreCase);
    }

    @Override
    public String toString() { return raw; }
}
