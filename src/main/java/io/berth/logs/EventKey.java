package io.berth.logs;

import java.util.Optional;

/**
 * Where an event sits in its log group: its timestamp, then the group-wide arrival sequence
 * number it was stored under. Keys order events by time then arrival, and no two events of a
 * group share one, so a key is both a stream position and a group-wide event identity.
 */
record EventKey(long timestamp, long sequence) implements Comparable<EventKey> {

    /** The widths ids are zero-padded to, so that id order is key order. */
    static final long MAX_TIMESTAMP = 9_999_999_999_999L;
    static final long MAX_SEQUENCE = 9_999_999_999L;
    static final int ID_LENGTH = 13 + 1 + 10;

    EventKey {
        if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("event timestamp out of range: " + timestamp);
        }
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("event sequence out of range: " + sequence);
        }
    }

    /** The first key at or after a time. */
    static EventKey at(long timestamp) {
        return new EventKey(timestamp, 0);
    }

    /** "<13-digit timestamp>-<10-digit sequence>": fixed width, so ids sort as keys do. */
    String id() {
        return String.format("%013d-%010d", timestamp, sequence);
    }

    static EventKey ofId(String id) {
        return new EventKey(Long.parseLong(id, 0, 13, 10), Long.parseLong(id, 14, ID_LENGTH, 10));
    }

    /** The key right after this one (the last possible key has none after it and stays itself). */
    EventKey next() {
        if (sequence < MAX_SEQUENCE) {
            return new EventKey(timestamp, sequence + 1);
        }
        return timestamp < MAX_TIMESTAMP ? new EventKey(timestamp + 1, 0) : this;
    }

    Optional<EventKey> previous() {
        if (sequence > 0) {
            return Optional.of(new EventKey(timestamp, sequence - 1));
        }
        return timestamp > 0 ? Optional.of(new EventKey(timestamp - 1, MAX_SEQUENCE)) : Optional.empty();
    }

    @Override
    public int compareTo(EventKey other) {
        int byTime = Long.compare(timestamp, other.timestamp);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
