package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.iam.IamViews.Detail;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.IamShapes.User;
import io.berth.iam.model.UserMessages.CreateUserRequest;
import io.berth.iam.model.UserMessages.DeleteUserPermissionsBoundaryRequest;
import io.berth.iam.model.UserMessages.DeleteUserRequest;
import io.berth.iam.model.UserMessages.GetUserRequest;
import io.berth.iam.model.UserMessages.ListUsersRequest;
import io.berth.iam.model.UserMessages.ListUsersResult;
import io.berth.iam.model.UserMessages.PutUserPermissionsBoundaryRequest;
import io.berth.iam.model.UserMessages.UpdateUserRequest;
import io.berth.iam.model.UserMessages.UserResult;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;
import io.berth.store.Documents;

import java.util.ArrayList;
import java.util.List;

import static io.berth.iam.Violations.ARN;
import static io.berth.iam.Violations.EXISTING_USER_NAME;
import static io.berth.iam.Violations.PATH;
import static io.berth.iam.Violations.PATH_PREFIX;
import static io.berth.iam.Violations.USER_NAME;

/** The IAM user operations, their tags and their permissions boundaries. */
final class Users {

    private final ServiceContext<IamIds> iam;
    private final TaggableEntity tags;

    Users(ServiceContext<IamIds> iam) {
        this.iam = iam;
        this.tags = new TaggableEntity(iam, "userName", EXISTING_USER_NAME, "TagsPerUser", true,
                TaggableEntity.reader(Users::require), TaggableEntity.writer(Users::require, IamRepository::saveUser));
    }

    /** Users' tags: keys unique ignoring case, at most 50 (TagsPerUser). */
    TaggableEntity tags() {
        return tags;
    }

    UserResult createUser(RequestContext context, CreateUserRequest request) {
        Violations.check().optional("path", request.path(), PATH).text("userName", request.userName(), USER_NAME)
                .optional("permissionsBoundary", request.permissionsBoundary(), ARN).tags(request.tags()).done();
        tags.requireDistinct(request.tags());
        String account = context.accountId();
        return iam.write(documents -> {
            String boundary = request.permissionsBoundary() == null ? null
                    : Boundaries.require(documents, account, request.permissionsBoundary());
            if (IamRepository.user(documents, account, request.userName()).isPresent()) {
                throw IamErrors.alreadyExists("User with name " + request.userName() + " already exists.");
            }
            StoredUser user = new StoredUser(request.userName(), iam.ids().uniqueId("AIDA"),
                    request.path() == null ? "/" : request.path(), iam.now(), boundary,
                    tags.initial(request.tags()), null, null, null, null);
            IamRepository.saveUser(documents, account, user);
            Boundaries.replace(documents, account, EntityKind.USER, user.userName(), null, boundary);
            return new UserResult(IamViews.user(account, user, Detail.CREATED));
        });
    }

    UserResult getUser(RequestContext context, GetUserRequest request) {
        Violations.check().optional("userName", request.userName(), EXISTING_USER_NAME).done();
        if (request.userName() == null && context.principal().kind() == Principal.Kind.ROOT) {
            // The account root is no IAM user; IAM describes it by its id and ARN alone (and a
            // creation date Berth does not know: the time of the request stands in for it).
            return new UserResult(new User(null, null, context.accountId(), context.principal().arn(),
                    context.receivedAt(), null, null, null));
        }
        String name = Callers.userName(context, request.userName());
        String account = context.accountId();
        return iam.read(documents -> new UserResult(IamViews.user(account, require(documents, account, name), Detail.FULL)));
    }

    ListUsersResult listUsers(RequestContext context, ListUsersRequest request) {
        Violations.check().optional("pathPrefix", request.pathPrefix(), PATH_PREFIX).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        Page<StoredUser> page = iam.read(documents -> IamPaging.fromStore(request.marker(), request.maxItems(),
                (after, size) -> IamRepository.page(documents, IamRepository.USER, account, after, size, StoredUser.class),
                user -> request.pathPrefix() == null || user.path().startsWith(request.pathPrefix()),
                user -> IamRepository.key(user.userName())));
        return new ListUsersResult(page.items().stream().map(u -> IamViews.user(account, u, Detail.LISTED)).toList(),
                page.truncated(), page.nextToken());
    }

    /**
     * Renames and moves a user, carrying along what refers to it: groups, policy uses, access keys,
     * and the policies naming it, which show its new ARN.
     */
    NoResult updateUser(RequestContext context, UpdateUserRequest request) {
        Violations.check().text("userName", request.userName(), EXISTING_USER_NAME)
                .optional("newPath", request.newPath(), PATH).optional("newUserName", request.newUserName(), USER_NAME)
                .done();
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = require(documents, account, request.userName());
            String newName = request.newUserName() == null ? user.userName() : request.newUserName();
            String newPath = request.newPath() == null ? user.path() : request.newPath();
            boolean rekeyed = !IamRepository.key(newName).equals(IamRepository.key(user.userName()));
            if (rekeyed && IamRepository.user(documents, account, newName).isPresent()) {
                throw IamErrors.alreadyExists("User with name " + newName + " already exists.");
            }
            StoredUser renamed = user.renamed(newName, newPath);
            if (rekeyed) {
                IamRepository.delete(documents, IamRepository.USER, account, user.userName());
                moveMemberships(documents, account, user, newName);
                PolicyUses.rename(documents, account, user, user.permissionsBoundary(), EntityKind.USER,
                        user.userName(), newName);
            }
            if (!newName.equals(user.userName())) {
                PolicyPrincipals.renamed(documents, user.userId(), newName);
            }
            for (String keyId : user.accessKeys()) {
                IamRepository.accessKey(documents, keyId)
                        .ifPresent(key -> IamRepository.saveAccessKey(documents, key.withUserName(newName)));
            }
            IamRepository.saveUser(documents, account, renamed);
            return new NoResult();
        });
    }

    NoResult deleteUser(RequestContext context, DeleteUserRequest request) {
        Violations.check().text("userName", request.userName(), EXISTING_USER_NAME).done();
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = require(documents, account, request.userName());
            if (!user.accessKeys().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!user.groups().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!user.attachedPolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!user.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            Boundaries.replace(documents, account, EntityKind.USER, user.userName(), user.permissionsBoundary(), null);
            PolicyPrincipals.forget(documents, user.userId());
            IamRepository.delete(documents, IamRepository.USER, account, user.userName());
            return new NoResult();
        });
    }

    NoResult putUserPermissionsBoundary(RequestContext context, PutUserPermissionsBoundaryRequest request) {
        Violations.check().text("userName", request.userName(), USER_NAME)
                .text("permissionsBoundary", request.permissionsBoundary(), ARN).done();
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = require(documents, account, request.userName());
            String boundary = Boundaries.require(documents, account, request.permissionsBoundary());
            Boundaries.replace(documents, account, EntityKind.USER, user.userName(), user.permissionsBoundary(), boundary);
            IamRepository.saveUser(documents, account, user.withPermissionsBoundary(boundary));
            return new NoResult();
        });
    }

    NoResult deleteUserPermissionsBoundary(RequestContext context, DeleteUserPermissionsBoundaryRequest request) {
        Violations.check().text("userName", request.userName(), USER_NAME).done();
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = require(documents, account, request.userName());
            Boundaries.replace(documents, account, EntityKind.USER, user.userName(), user.permissionsBoundary(), null);
            IamRepository.saveUser(documents, account, user.withPermissionsBoundary(null));
            return new NoResult();
        });
    }

    static StoredUser require(Documents documents, String account, String name) {
        return IamRepository.user(documents, account, name).orElseThrow(() -> EntityKind.USER.notFound(name));
    }

    private static void moveMemberships(Documents documents, String account, StoredUser user, String newName) {
        for (String groupKey : user.groups()) {
            IamRepository.group(documents, account, groupKey).ifPresent(group -> {
                List<String> members = new ArrayList<>(group.members());
                members.remove(IamRepository.key(user.userName()));
                members.add(IamRepository.key(newName));
                IamRepository.saveGroup(documents, account, group.withMembers(members));
            });
        }
    }
}
