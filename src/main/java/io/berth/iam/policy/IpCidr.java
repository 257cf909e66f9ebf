package io.berth.iam.policy;

/**
 * An IPv4 or IPv6 address block as the IpAddress and NotIpAddress operators take it
 * ("203.0.113.0/24", "2001:DB8:1234:5678::/64", or a bare address meaning a single host).
 * Parsing is done by hand: no name resolution, no I/O.
 */
record IpCidr(byte[] address, int prefix) {

    static IpCidr parse(String text) {
        if (text == null) return null;
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = parseAddress(addr);
        if (bytes == null) return null;
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3) return null;
            prefix = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < '0' || c > '9') return null;
                prefix = prefix * 10 + (c - '0');
            }
            if (prefix > max) return null;
        }
        return new IpCidr(bytes, prefix);
    }

    boolean contains(byte[] ip) {
        if (ip == null) return false;
        byte[] a = address;
        if (ip.length != a.length) {
            // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is its IPv4 address
            if (a.length == 4 && ip.length == 16 && isV4Mapped(ip)) {
                byte[] v4 = new byte[4];
                System.arraycopy(ip, 12, v4, 0, 4);
                ip = v4;
            } else {
                return false;
            }
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) if (a[i] != ip[i]) return false;
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (ip[full] & mask);
    }

    private static boolean isV4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) if (ip[i] != 0) return false;
        return ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    }

    static byte[] parseAddress(String s) {
        if (s == null || s.isEmpty()) return null;
        if (s.indexOf(':') >= 0) return parseV6(s);
        return parseV4(s);
    }

    static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) return null;
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (++digits > 3) return null;
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    static byte[] parseV6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        byte[] out = new byte[16];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] headWords = words(head);
        int[] tailWords = words(tail);
        if (headWords == null || tailWords == null) return null;
        int total = count(headWords) + count(tailWords);
        if (dbl < 0 && total != 8) return null;
        if (dbl >= 0 && total > 7) return null;
        int pos = 0;
        pos = put(out, pos, headWords);
        pos = 16 - count(tailWords) * 2;
        put(out, pos, tailWords);
        return out;
    }

    // words: 16-bit groups; an embedded IPv4 address at the end counts as two groups
    private static int[] words(String s) {
        if (s.isEmpty()) return new int[0];
        String[] groups = s.split(":", -1);
        int[] w = new int[groups.length * 2];
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            String grp = groups[g];
            if (g == groups.length - 1 && grp.indexOf('.') >= 0) {
                byte[] v4 = parseV4(grp);
                if (v4 == null) return null;
                w[n++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                w[n++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                continue;
            }
            if (grp.isEmpty() || grp.length() > 4) return null;
            int v = 0;
            for (int i = 0; i < grp.length(); i++) {
                int d = Character.digit(grp.charAt(i), 16);
                if (d < 0) return null;
                v = v * 16 + d;
            }
            w[n++] = v;
        }
        int[] r = new int[n];
        System.arraycopy(w, 0, r, 0, n);
        return r;
    }

    private static int count(int[] words) { return words.length; }

    private static int put(byte[] out, int pos, int[] words) {
        for (int w : words) {
            out[pos++] = (byte) (w >> 8);
            out[pos++] = (byte) w;
        }
        return pos;
    }
}
