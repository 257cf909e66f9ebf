package io.berth.logs;

import io.berth.store.StoredDocument;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log group as the store keeps it. {@code storedBytes} and {@code lastSequence} (the arrival
 * number of its newest event, see {@link EventKey}) change with every append.
 */
record StoredGroup(String logGroupName, long creationTime, Integer retentionInDays, String kmsKeyId,
                   String logGroupClass, boolean deletionProtectionEnabled, Map<String, String> tags,
                   long storedBytes, long lastSequence) implements StoredDocument {

    static StoredGroup created(String name, long creationTime, String kmsKeyId, String logGroupClass,
                               boolean deletionProtectionEnabled, Map<String, String> tags) {
        return new StoredGroup(name, creationTime, null, kmsKeyId, logGroupClass, deletionProtectionEnabled,
                sorted(tags), 0, 0);
    }

    StoredGroup withRetention(Integer days) {
        return new StoredGroup(logGroupName, creationTime, days, kmsKeyId, logGroupClass, deletionProtectionEnabled,
                tags, storedBytes, lastSequence);
    }

    StoredGroup withDeletionProtection(boolean enabled) {
        return new StoredGroup(logGroupName, creationTime, retentionInDays, kmsKeyId, logGroupClass, enabled,
                tags, storedBytes, lastSequence);
    }

    StoredGroup withTags(Map<String, String> newTags) {
        return new StoredGroup(logGroupName, creationTime, retentionInDays, kmsKeyId, logGroupClass,
                deletionProtectionEnabled, sorted(newTags), storedBytes, lastSequence);
    }

    StoredGroup withUsage(long bytes, long sequence) {
        return new StoredGroup(logGroupName, creationTime, retentionInDays, kmsKeyId, logGroupClass,
                deletionProtectionEnabled, tags, bytes, sequence);
    }

    /** Tags in key order, so every listing shows them the same way. */
    private static Map<String, String> sorted(Map<String, String> tags) {
        return Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
