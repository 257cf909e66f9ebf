package io.berth.iam;

import io.berth.iam.model.IamShapes.AttachedPermissionsBoundary;
import io.berth.iam.model.IamShapes.Group;
import io.berth.iam.model.IamShapes.Policy;
import io.berth.iam.model.IamShapes.Role;
import io.berth.iam.model.IamShapes.RoleLastUsed;
import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.IamShapes.User;
import io.berth.store.Documents;
import io.berth.store.StoredTag;

import java.util.List;

/**
 * Stored entities as IAM shows them. IAM shows more in Get* than in List*: tags, permissions
 * boundaries and last use only when one entity is asked for, and Create* answers with less
 * than Get* (no role description or session duration, no policy description).
 */
final class IamViews {

    /** Which answer an entity appears in. */
    enum Detail { CREATED, FULL, LISTED }

    private IamViews() {
    }

    static User user(String account, StoredUser u, Detail detail) {
        boolean full = detail != Detail.LISTED;
        return new User(u.path(), u.userName(), u.userId(), u.arn(account), u.createDate(), null,
                full ? AttachedPermissionsBoundary.of(u.permissionsBoundary()) : null, full ? tagsOrNull(u.tags()) : null);
    }

    /** The trust policy as IAM shows it: users and roles that still exist by ARN (see {@link PolicyPrincipals}). */
    static Role role(Documents documents, String account, StoredRole r, Detail detail) {
        boolean listed = detail == Detail.LISTED;
        boolean created = detail == Detail.CREATED;
        return new Role(r.path(), r.roleName(), r.roleId(), r.arn(account), r.createDate(),
                PolicyDocuments.urlEncode(PolicyPrincipals.show(documents, r.assumeRolePolicyDocument())),
                created ? null : r.description(), created ? null : r.maxSessionDuration(),
                listed ? null : AttachedPermissionsBoundary.of(r.permissionsBoundary()),
                listed ? null : tagsOrNull(r.tags()),
                detail == Detail.FULL ? new RoleLastUsed(null, null) : null);
    }

    static Group group(String account, StoredGroup g) {
        return new Group(g.path(), g.groupName(), g.groupId(), g.arn(account), g.createDate());
    }

    static Policy policy(ManagedPolicy p, int attachments, int boundaryUses, Detail detail) {
        List<Tag> tags = switch (detail) {
            case CREATED -> tagsOrNull(p.tags());
            case FULL -> IamTags.wire(p.tags());
            case LISTED -> null;
        };
        return new Policy(p.name(), p.policyId(), p.arn(), p.path(), p.defaultVersionId(), attachments, boundaryUses,
                true, detail == Detail.FULL ? p.description() : null, p.createDate(), p.updateDate(), tags);
    }

    private static List<Tag> tagsOrNull(List<StoredTag> tags) {
        return tags.isEmpty() ? null : IamTags.wire(tags);
    }
}
