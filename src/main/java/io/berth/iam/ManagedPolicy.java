package io.berth.iam;

import io.berth.store.Documents;
import io.berth.store.StoredTag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A managed policy, the account's own or AWS's, as the operations that read policies see it. */
record ManagedPolicy(String arn, String name, String path, String policyId, String description, Instant createDate,
                     Instant updateDate, String defaultVersionId, List<StoredPolicy.Version> versions,
                     List<StoredTag> tags, boolean awsManaged) {

    String defaultDocument() {
        return versions.stream().filter(v -> v.versionId().equals(defaultVersionId)).findFirst().orElseThrow()
                .document();
    }

    static ManagedPolicy of(String account, StoredPolicy p) {
        return new ManagedPolicy(p.arn(account), p.policyName(), p.path(), p.policyId(), p.description(),
                p.createDate(), p.updateDate(), p.defaultVersionId(), p.versions(), p.tags(), false);
    }

    static ManagedPolicy of(AwsManagedPolicies.AwsPolicy p) {
        return new ManagedPolicy(p.arn(), p.name(), p.path(), p.policyId(), p.description(), p.createDate(),
                p.updateDate(), p.defaultVersionId(),
                List.of(new StoredPolicy.Version(p.defaultVersionId(), p.document(), p.updateDate())), List.of(), true);
    }

    /** The policy an ARN names, as seen from {@code account}: its own policies or AWS's. */
    static Optional<ManagedPolicy> find(Documents documents, String account, String arn) {
        return IamArns.parsePolicy(arn).flatMap(parsed -> {
            if (parsed.account().equals(IamArns.AWS)) {
                return AwsManagedPolicies.byArn(arn).map(ManagedPolicy::of);
            }
            if (!parsed.account().equals(account)) {
                return Optional.empty();
            }
            return IamRepository.policy(documents, account, parsed.name())
                    .filter(stored -> stored.arn(account).equals(arn))
                    .map(stored -> of(account, stored));
        });
    }
}
