package io.berth.iam.policy;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none),
 * {@code ?} exactly one. Wildcard positions are kept apart from literal characters so that a
 * policy variable such as {@code ${*}} can stand for a literal asterisk. Matching is a linear
 * two-pointer scan with single back-tracking (no regular expressions, no allocation).
 */
final class Glob {
    static final byte LITERAL = 0;
    static final byte STAR = 1;
    static final byte ONE = 2;

    private static final Glob MATCH_ALL = new Glob(new char[] {'*'}, new byte[] {STAR}, false);

    final char[] chars;
    final byte[] kinds;
    final boolean ignoreCase;
    private final boolean literalOnly;
    private final boolean matchAll;
    private final String literal;

    private Glob(char[] chars, byte[] kinds, boolean ignoreCase) {
        this.chars = chars;
        this.kinds = kinds;
        this.ignoreCase = ignoreCase;
        boolean lit = true;
        for (byte k : kinds) {
            if (k != LITERAL) { lit = false; break; }
        }
        this.literalOnly = lit;
        this.matchAll = kinds.length == 1 && kinds[0] == STAR;
        this.literal = lit ? new String(chars) : null;
    }

    /** Compiles {@code raw}; with {@code wildcards} false every character is literal. */
    static Glob compile(String raw, boolean ignoreCase, boolean wildcards) {
        if (wildcards && raw.equals("*")) return ignoreCase ? new Glob(new char[] {'*'}, new byte[] {STAR}, true) : MATCH_ALL;
        char[] c = new char[raw.length()];
        byte[] k = new byte[raw.length()];
        for (int i = 0; i < c.length; i++) {
            char ch = raw.charAt(i);
            if (wildcards && ch == '*') k[i] = STAR;
            else if (wildcards && ch == '?') k[i] = ONE;
            c[i] = ignoreCase ? fold(ch) : ch;
        }
        return new Glob(c, k, ignoreCase);
    }

    static Glob of(char[] chars, byte[] kinds, boolean ignoreCase) {
        if (ignoreCase) {
            for (int i = 0; i < chars.length; i++) chars[i] = fold(chars[i]);
        }
        return new Glob(chars, kinds, ignoreCase);
    }

    static char fold(char c) {
        if (c < 128) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    int length() { return chars.length; }

    boolean isMatchAll() { return matchAll; }

    boolean hasWildcards() { return !literalOnly; }

    boolean matches(String text) {
        if (matchAll) return true;
        if (literalOnly) return ignoreCase ? literal.equalsIgnoreCase(text) : literal.equals(text);
        return matches(0, chars.length, text, 0, text.length());
    }

    /** Matches pattern range [pFrom, pTo) against text range [tFrom, tTo). */
    boolean matches(int pFrom, int pTo, String text, int tFrom, int tTo) {
        int p = pFrom;
        int t = tFrom;
        int starP = -1;
        int starT = -1;
        while (t < tTo) {
            if (p < pTo) {
                byte k = kinds[p];
                if (k == STAR) {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (k == ONE || same(chars[p], text.charAt(t))) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) return false;
            p = starP + 1;
            t = ++starT;
        }
        while (p < pTo && kinds[p] == STAR) p++;
        return p == pTo;
    }

    private boolean same(char pattern, char c) {
        return pattern == c || (ignoreCase && pattern == fold(c));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            b.append(kinds[i] == STAR ? "*" : kinds[i] == ONE ? "?" : String.valueOf(chars[i]));
        }
        return b.toString();
    }
}
