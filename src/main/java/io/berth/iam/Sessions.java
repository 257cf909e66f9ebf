package io.berth.iam;

import io.berth.store.Store;
import io.berth.store.StoredJson;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The STS sessions Berth has issued, kept in the store (they outlive a restart, as on AWS) and
 * cached by access key id, since every request signed with one looks it up. Expired sessions
 * are not found.
 */
public final class Sessions {

    private static final String KIND = "sts.session";
    private static final String SCOPE = "global";

    private final Store store;
    private final Map<String, StsSession> cache = new ConcurrentHashMap<>();

    public Sessions(Store store) {
        this.store = store;
    }

    public void save(StsSession session) {
        store.write(documents -> {
            documents.put(KIND, SCOPE, session.accessKeyId(), StoredJson.write(session));
            return null;
        });
        cache.put(session.accessKeyId(), session);
    }

    /** An unexpired session. */
    public Optional<StsSession> find(String accessKeyId, Instant now) {
        return get(accessKeyId).filter(s -> s.expiration().isAfter(now));
    }

    /** A session, expired or not. */
    public Optional<StsSession> get(String accessKeyId) {
        StsSession session = cache.get(accessKeyId);
        if (session == null) {
            session = store.read(documents -> documents.get(KIND, SCOPE, accessKeyId))
                    .map(json -> StoredJson.read(json, StsSession.class)).orElse(null);
            if (session != null) {
                cache.put(accessKeyId, session);
            }
        }
        return Optional.ofNullable(session);
    }
}
