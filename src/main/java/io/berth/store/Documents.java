package io.berth.store;

import java.util.List;
import java.util.Optional;

/** The operations a transaction offers on stored documents. */
public interface Documents {

    Optional<String> get(String kind, String scope, String id);

    /** Inserts or replaces. */
    void put(String kind, String scope, String id, String body);

    boolean delete(String kind, String scope, String id);

    /** Documents of a kind and scope whose id starts with {@code query.idPrefix()}, in id order. */
    List<Document> list(Query query);

    /** Documents of a kind in every scope, in scope then id order. */
    List<ScopedDocument> scan(String kind);

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
