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
 */
final class ArnPattern {
    private final Glob glob;
    private final int[] starts;
    private final int[] ends;
    private final int segments;

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
    }

    boolean matches(String arn) {
        if (glob.isMatchAll()) return true;
        if (arn == null) return false;
        // Segment boundaries of the ARN (first five colons).
        int seg = 0;
        int tFrom = 0;
        int len = arn.length();
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
                    return glob.matches(starts[seg], pe, arn, tFrom, len);
                }
                if (tEnd != len) return false;   // the ARN has more segments than the pattern
                return glob.matches(starts[seg], pe, arn, tFrom, tEnd);
            }
            if (tEnd == len) return false;         // the ARN has fewer segments than the pattern
            if (!glob.matches(starts[seg], ends[seg], arn, tFrom, tEnd)) return false;
            tFrom = tEnd + 1;
            seg++;
        }
        return false;
    }
}
