package io.berth.edge.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The strict URI encoding of SigV4: everything but A-Z a-z 0-9 - _ . ~ as %XX with uppercase hex. */
final class PercentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) UNRESERVED[c] = true;
        for (char c = 'a'; c <= 'z'; c++) UNRESERVED[c] = true;
        for (char c = '0'; c <= '9'; c++) UNRESERVED[c] = true;
        UNRESERVED['-'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentCodec() {
    }

    /**
     * Encodes the UTF-8 bytes of {@code s[from, to)}, leaving '/' alone when {@code keepSlash}.
     * A '%' is encoded like any other byte: this is the second encoding SigV4 gives paths.
     */
    static void encode(String s, int from, int to, boolean keepSlash, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (UNRESERVED[c] || (keepSlash && c == '/')) {
                    out.append(c);
                } else {
                    appendEscaped(c, out);
                }
            } else {
                i = encodeNonAscii(s, i, to, out);
            }
        }
    }

    /**
     * Decodes the %XX escapes of a query name or value and encodes the bytes again strictly, so
     * that every spelling of the same bytes has one canonical form. '+' stays a literal plus, and a
     * '%' that does not start a valid escape is taken literally.
     */
    static void reencode(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                appendByte((hexValue(s.charAt(i + 1)) << 4) | hexValue(s.charAt(i + 2)), out);
                i += 2;
            } else if (c < 0x80) {
                appendByte(c, out);
            } else {
                i = encodeNonAscii(s, i, to, out);
            }
        }
    }

    /** Percent-decodes {@code s} as UTF-8, keeping '+' and malformed escapes literally. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write((hexValue(s.charAt(i + 1)) << 4) | hexValue(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int encodeNonAscii(String s, int i, int to, StringBuilder out) {
        char c = s.charAt(i);
        int end = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))
                ? i + 2 : i + 1;
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
            appendEscaped(b & 0xFF, out);
        }
        return end - 1;
    }

    private static void appendByte(int b, StringBuilder out) {
        if (b < 0x80 && UNRESERVED[b]) {
            out.append((char) b);
        } else {
            appendEscaped(b, out);
        }
    }

    private static void appendEscaped(int b, StringBuilder out) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static int hexValue(char c) {
        if (c <= '9') return c - '0';
        if (c <= 'F') return c - 'A' + 10;
        return c - 'a' + 10;
    }
}
