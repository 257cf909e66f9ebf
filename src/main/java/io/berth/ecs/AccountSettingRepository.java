package io.berth.ecs;

import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The account settings principals set explicitly, one document per principal and setting within
 * an account and region; the root user's are the account defaults.
 */
final class AccountSettingRepository {

    private static final String KIND = "ecs.account-setting";

    /** What is kept of one setting. */
    record Stored(String name, String value) implements StoredDocument {
    }

    private AccountSettingRepository() {
    }

    /** The settings a principal set, by name. */
    static Map<String, String> of(Documents documents, String scope, String principalArn) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Documents.Document document : documents.list(new Documents.Query(KIND, scope, principalArn + " ", null,
                Integer.MAX_VALUE, false))) {
            Stored stored = StoredJson.read(document.body(), Stored.class);
            byName.put(stored.name(), stored.value());
        }
        return byName;
    }

    static Optional<String> find(Documents documents, String scope, String principalArn, String name) {
        return documents.get(KIND, scope, id(principalArn, name))
                .map(json -> StoredJson.read(json, Stored.class).value());
    }

    static void save(Documents documents, String scope, String principalArn, String name, String value) {
        documents.put(KIND, scope, id(principalArn, name), StoredJson.write(new Stored(name, value)));
    }

    static void delete(Documents documents, String scope, String principalArn, String name) {
        documents.delete(KIND, scope, id(principalArn, name));
    }

    /** A space cannot occur in an ARN, so it separates the principal from the setting name. */
    private static String id(String principalArn, String name) {
        return principalArn + " " + name;
    }
}
