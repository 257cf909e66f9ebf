package io.berth.edge.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two date forms SigV4 accepts: ISO 8601 basic (X-Amz-Date) and RFC 1123 (Date). */
final class AmzDate {
    private AmzDate() {
    }

    /** Parses yyyyMMdd'T'HHmmss'Z'; null if {@code s} is not exactly that. */
    static Instant parseBasic(String s) {
        if (s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8),
                    digits(s, 9, 11), digits(s, 11, 13), digits(s, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Parses an RFC 1123 date such as "Sun, 30 Aug 2015 12:36:00 GMT" (or "-0000" as botocore writes); null if invalid. */
    static Instant parseRfc1123(String s) {
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(s.trim(), OffsetDateTime::from).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String formatBasic(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(16);
        pad(out, t.getYear(), 4);
        pad(out, t.getMonthValue(), 2);
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        pad(out, t.getMinute(), 2);
        pad(out, t.getSecond(), 2);
        return out.append('Z').toString();
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
