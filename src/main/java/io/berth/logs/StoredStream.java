package io.berth.logs;

import io.berth.store.StoredDocument;

/**
 * A log stream as the store keeps it, with what its events add up to: the earliest and latest
 * event timestamps, the last ingestion time, the message bytes held and how many uploads it has
 * had (which its sequence token counts).
 */
record StoredStream(String logStreamName, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
                    Long lastIngestionTime, long storedBytes, long uploads) implements StoredDocument {

    static StoredStream created(String name, long creationTime) {
        return new StoredStream(name, creationTime, null, null, null, 0, 0);
    }

    /** This stream after one upload of events spanning {@code earliest}..{@code latest}. */
    StoredStream withUpload(long earliest, long latest, long ingestionTime, long bytes) {
        return new StoredStream(logStreamName, creationTime,
                firstEventTimestamp == null ? earliest : Math.min(firstEventTimestamp, earliest),
                lastEventTimestamp == null ? latest : Math.max(lastEventTimestamp, latest),
                ingestionTime, storedBytes + bytes, uploads + 1);
    }
}
