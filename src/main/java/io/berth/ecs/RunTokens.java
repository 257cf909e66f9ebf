package io.berth.ecs;

import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** RunTask client tokens: which tasks a token launched, and with what parameters, for 24 hours. */
final class RunTokens {

    private static final String KIND = "ecs.run-token";
    static final Duration MEMORY = Duration.ofHours(24);

    record RunToken(String fingerprint, List<String> taskArns, Instant createdAt) implements StoredDocument {
    }

    private RunTokens() {
    }

    static Optional<RunToken> find(Documents documents, String scope, String token, Instant now) {
        return documents.get(KIND, scope, token).map(json -> StoredJson.read(json, RunToken.class))
                .filter(t -> t.createdAt().plus(MEMORY).isAfter(now));
    }

    static void save(Documents documents, String scope, String token, RunToken runToken) {
        documents.put(KIND, scope, token, StoredJson.write(runToken));
    }
}
