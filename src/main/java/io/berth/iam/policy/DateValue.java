package io.berth.iam.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Date values of the Date condition operators: ISO 8601 ("2020-01-01", "2020-01-01T12:00:00Z",
 * with optional seconds, fraction of up to nine digits and a "Z" or "+hh[:mm]"/"-hh[:mm]" zone;
 * no zone means UTC) or a count of seconds since the epoch ("1577836800"). Parsed by hand.
 */
final class DateValue {
    private DateValue() {}

    /** The instant, or null when the text is not a date IAM accepts. */
    static Instant parse(String text) {
        if (text == null) return null;
        String s = text.trim();
        int n = s.length();
        if (n == 0) return null;
        boolean digitsOnly = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') { digitsOnly = false; break; }
        }
        if (digitsOnly) {
            if (n > 19) return null;
            try {
                long seconds = Long.parseLong(s);
                return Instant.ofEpochSecond(Math.min(seconds, Instant.MAX.getEpochSecond()));
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }
        try {
            int[] pos = {0};
            boolean negative = false;
            if (s.charAt(0) == '-') { negative = true; pos[0] = 1; }
            int year = number(s, pos, 1, 9);
            if (year < 0) return null;
            if (negative) year = -year;
            int month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0;
            if (peek(s, pos, '-')) {
                month = number(s, pos, 2, 2);
                if (month < 0) return null;
                if (peek(s, pos, '-')) {
                    day = number(s, pos, 2, 2);
                    if (day < 0) return null;
                }
            }
            int offsetSeconds = 0;
            if (pos[0] < n && (s.charAt(pos[0]) == 'T' || s.charAt(pos[0]) == 't')) {
                pos[0]++;
                hour = pos[0] == n ? 0 : number(s, pos, 1, 2);   // "2020-01-01T" leaves the time out
                if (hour < 0) return null;
                if (peek(s, pos, ':')) {
                    minute = number(s, pos, 2, 2);
                    if (minute < 0) return null;
                    if (peek(s, pos, ':')) {
                        second = number(s, pos, 2, 2);
                        if (second < 0) return null;
                        if (peek(s, pos, '.')) {
                            int start = pos[0];
                            int frac = number(s, pos, 1, 9);
                            if (frac < 0) return null;
                            int digits = pos[0] - start;
                            for (int i = digits; i < 9; i++) frac *= 10;
                            nanos = frac;
                        }
                    }
                }
                if (pos[0] < n) {
                    char z = s.charAt(pos[0]);
                    if (z == 'Z' || z == 'z') {
                        pos[0]++;
                    } else if (z == '+' || z == '-') {
                        pos[0]++;
                        int zh = digits(s, pos, 2);
                        if (zh < 0 || zh > 23) return null;
                        int zm = 0;
                        if (pos[0] < n) {
                            peek(s, pos, ':');
                            zm = digits(s, pos, 2);
                            if (zm < 0 || zm > 59) return null;
                        }
                        offsetSeconds = (z == '-' ? -1 : 1) * (zh * 3600 + zm * 60);   // IAM takes offsets up to 23 hours
                    }
                }
            }
            if (pos[0] != n) return null;
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            return Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static boolean peek(String s, int[] pos, char c) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == c) {
            pos[0]++;
            return true;
        }
        return false;
    }

    /** Reads exactly {@code count} decimal digits; -1 otherwise. */
    private static int digits(String s, int[] pos, int count) {
        int start = pos[0];
        if (start + count > s.length()) return -1;
        int v = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        pos[0] = start + count;
        return v;
    }

    /** Reads min..max decimal digits; -1 when fewer than min or more than max. */
    private static int number(String s, int[] pos, int min, int max) {
        int start = pos[0];
        int v = 0;
        int i = start;
        while (i < s.length() && i - start < max) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
            i++;
        }
        if (i - start < min) return -1;
        if (i < s.length() && Character.isDigit(s.charAt(i)) && i - start == max) return -1;
        pos[0] = i;
        return v;
    }
}
