package io.berth.iam;

import io.berth.store.StoredDocument;

import java.time.Instant;

/**
 * A user's access key as stored, by key id and outside any account, because a signed request
 * names only the key id. The secret is kept as issued: SigV4 needs it to verify signatures.
 */
record StoredAccessKey(String accountId, String userName, String accessKeyId, String secretAccessKey, String status,
                       Instant createDate, Instant lastUsedDate, String lastUsedService, String lastUsedRegion)
        implements StoredDocument {

    StoredAccessKey withStatus(String newStatus) {
        return new StoredAccessKey(accountId, userName, accessKeyId, secretAccessKey, newStatus, createDate,
                lastUsedDate, lastUsedService, lastUsedRegion);
    }

    StoredAccessKey withUserName(String newUserName) {
        return new StoredAccessKey(accountId, newUserName, accessKeyId, secretAccessKey, status, createDate,
                lastUsedDate, lastUsedService, lastUsedRegion);
    }

    StoredAccessKey used(Instant when, String service, String region) {
        return new StoredAccessKey(accountId, userName, accessKeyId, secretAccessKey, status, createDate, when,
                service, region);
    }
}
