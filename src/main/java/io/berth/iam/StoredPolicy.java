package io.berth.iam;

import io.berth.store.StoredDocument;
import io.berth.store.StoredTag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer managed policy as stored, with its versions (at most five, oldest first);
 * {@code nextVersion} only grows, so a deleted version's id is never used again.
 */
record StoredPolicy(String policyName, String policyId, String path, String description, Instant createDate,
                    Instant updateDate, String defaultVersionId, int nextVersion, List<Version> versions,
                    List<StoredTag> tags) implements StoredDocument, TaggableEntity.Tagged<StoredPolicy> {

    /** One version; the document is kept exactly as it was sent. */
    record Version(String versionId, String document, Instant createDate) {
    }

    StoredPolicy {
        versions = versions == null ? List.of() : List.copyOf(versions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    String arn(String account) {
        return IamArns.of(account, "policy", path, policyName);
    }

    Optional<Version> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    Version defaultVersion() {
        return version(defaultVersionId).orElseThrow();
    }

    StoredPolicy withVersions(List<Version> newVersions, String newDefault, int newNext, Instant updated) {
        return new StoredPolicy(policyName, policyId, path, description, createDate, updated, newDefault, newNext,
                newVersions, tags);
    }

    @Override
    public StoredPolicy withTags(List<StoredTag> newTags) {
        return new StoredPolicy(policyName, policyId, path, description, createDate, updateDate, defaultVersionId,
                nextVersion, versions, newTags);
    }
}
