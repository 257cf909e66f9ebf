package io.berth.iam.policy;

/**
 * An ARN pattern as the Resource element and the Arn condition operators use it:
 * {@code arn:partition:service:region:account:resource}, each of the six colon-separated
 * segments matched on its own, with {@code *} and {@code ?} inside a segment. The resource
 * segment is everything after the fifth colon (it may itself hold colons and slashes). When
 * the pattern has fewer than six segments and its last segment ends with {@code *}, that
 * wildcard extends across the remaining colons ("If the * wildcard is the last character of a
 * resource ARN segment, it can expand to match beyond the colon boundaries"). A pattern that
 * is only {@code *} matches anything.
 *
 * <p>Segments of the common shapes (only {@code *}, literal text, literal text ending in
 * {@code *}) of a case-sensitive pattern are compared as strings rather than character by
 * character through the glob; the answer is the glob's.
 */
final class ArnPattern {
    /** How a segment is matched: by the glob, or as one of the common shapes. */
    private static final byte GLOB = 0;
    private static final byte ANY = 1;       // "*"
    private static final byte EQUALS = 2;    // literal text
    private static final byte PREFIX = 3;    // literal text, then "*"

    private final Glob glob;
    private final int[] starts;
    private final int[] ends;
    private final int segments;
    private final byte[] shapes;
    private final String[] texts;            // the literal text of EQUALS and PREFIX segments
    /**
     * The pattern's leading EQUALS segments but the last, each with its colon ("arn:aws:ecs:"):
     * an ARN matches them exactly when it starts with this text, since they hold no colon.
     */
    private final String lead;
    private final int leadSegments;

    ArnPattern(Glob glob) {
        this.glob = glob;
        int[] s = new int[6];
        int[] e = new int[6];
        int n = 0;
        int from = 0;
        for (int i = 0; i < glob.chars.length && n < 5; i++) {
            if (glob.chars[i] == ':' && glob.kinds[i] == Glob.LITERAL) {
                s[n] = from;
                e[n] = i;
                n++;
                from = i + 1;
            }
        }
        s[n] = from;
        e[n] = glob.chars.length;
        this.starts = s;
        this.ends = e;
        this.segments = n + 1;
        this.shapes = new byte[segments];
        this.texts = new String[segments];
        for (int i = 0; i < segments; i++) {
            shapes[i] = shape(glob, s[i], e[i]);
            if (shapes[i] == EQUALS) texts[i] = new String(glob.chars, s[i], e[i] - s[i]);
            else if (shapes[i] == PREFIX) texts[i] = new String(glob.chars, s[i], e[i] - 1 - s[i]);
        }
        int k = 0;
        while (k < segments - 1 && shapes[k] == EQUALS) k++;
        this.leadSegments = k;
        this.lead = k == 0 ? "" : new String(glob.chars, 0, e[k - 1] + 1);
    }

    private static byte shape(Glob glob, int from, int to) {
        if (glob.ignoreCase) return GLOB;
        int literals = 0;
        while (from + literals < to && glob.kinds[from + literals] == Glob.LITERAL) literals++;
        if (from + literals == to) return EQUALS;
        if (from + literals == to - 1 && glob.kinds[to - 1] == Glob.STAR) return literals == 0 ? ANY : PREFIX;
        return GLOB;
    }

    /** Whether segment {@code seg} of the pattern matches text range [tFrom, tTo) of {@code arn}. */
    private boolean segmentMatches(int seg, String arn, int tFrom, int tTo) {
        return switch (shapes[seg]) {
            case ANY -> true;
            case EQUALS -> tTo - tFrom == texts[seg].length() && arn.startsWith(texts[seg], tFrom);
            case PREFIX -> tTo - tFrom >= texts[seg].length() && arn.startsWith(texts[seg], tFrom);
            default -> glob.matches(starts[seg], ends[seg], arn, tFrom, tTo);
        };
    }

    boolean matches(String arn) {
        if (glob.isMatchAll()) return true;
        if (arn == null) return false;
        // Segment boundaries of the ARN (first five colons).
        int seg = 0;
        int tFrom = 0;
        int len = arn.length();
        if (leadSegments > 0) {
            if (!arn.startsWith(lead)) return false;
            seg = leadSegments;
            tFrom = lead.length();
        }
        while (seg < segments) {
            int tEnd;
            boolean lastPattern = seg == segments - 1;
            if (seg == 5) {
                tEnd = len;
            } else {
                int colon = arn.indexOf(':', tFrom);
                tEnd = colon < 0 ? len : colon;
            }
            if (lastPattern) {
                int pe = ends[seg];
                boolean trailingStar = pe > starts[seg] && glob.kinds[pe - 1] == Glob.STAR;
                if (seg < 5 && trailingStar) {
                    // the final * may run across the remaining colons
                    return segmentMatches(seg, arn, tFrom, len);
                }
                if (tEnd != len) return false;   // the ARN has more segments than the pattern
                return segmentMatches(seg, arn, tFrom, tEnd);
            }
            if (tEnd == len) return false;         // the ARN has fewer segments than the pattern
            if (!segmentMatches(seg, arn, tFrom, tEnd)) return false;
            tFrom = tEnd + 1;
            seg++;
        }
        return false;
    }
}
