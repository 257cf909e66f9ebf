package io.berth.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The operations a transaction offers on stored documents. */
public interface Documents {

    Optional<String> get(String kind, String scope, String id);

    /** The document with the version it was last written at, or empty when there is none. */
    Optional<Versioned> getVersioned(String kind, String scope, String id);

    /** Inserts (at version 1) or replaces (at the next version). */
    void put(String kind, String scope, String id, String body);

    /**
     * Compare-and-set: writes {@code body} only if the document's version is still
     * {@code expectedVersion} ({@link #ABSENT} for "must not exist yet"), which a read-modify-write
     * uses to lose no update made between its read and its write by anyone else sharing the store.
     * Returns the new version, or empty when the stored version was another (nothing is written).
     */
    OptionalLong putIfVersion(String kind, String scope, String id, String body, long expectedVersion);

    /**
     * Moves a named counter on by one in this transaction and returns its new value. Caches derived
     * from a scope's documents bump a counter in the same transaction as each write, and compare
     * its value with {@link #counter} to know whether they are stale, whichever process wrote.
     */
    long increment(String scope, String name);

    /** The counter's value; 0 when it was never incremented. */
    long counter(String scope, String name);

    boolean delete(String kind, String scope, String id);

    /** Documents of a kind and scope whose id starts with {@code query.idPrefix()}, in id order. */
    List<Document> list(Query query);

    /** Documents of a kind in every scope, in scope then id order. */
    List<ScopedDocument> scan(String kind);

    /** The version {@link #putIfVersion} expects of a document that does not exist. */
    long ABSENT = 0;

    record Versioned(String body, long version) {
    }

    record Document(String id, String body) {
    }

    record ScopedDocument(String scope, String id, String body) {
    }

    /**
     * @param after      exclusive bound to resume from (the last id already seen), or null
     * @param descending newest-first order of ids
     */
    record Query(String kind, String scope, String idPrefix, String after, int limit, boolean descending) {
        public static Query all(String kind, String scope) {
            return new Query(kind, scope, "", null, Integer.MAX_VALUE, false);
        }
    }
}
