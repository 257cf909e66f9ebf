package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.IamViews.Detail;
import io.berth.iam.model.GroupMessages.CreateGroupRequest;
import io.berth.iam.model.GroupMessages.DeleteGroupRequest;
import io.berth.iam.model.GroupMessages.GetGroupRequest;
import io.berth.iam.model.GroupMessages.GetGroupResult;
import io.berth.iam.model.GroupMessages.GroupMembershipRequest;
import io.berth.iam.model.GroupMessages.GroupResult;
import io.berth.iam.model.GroupMessages.GroupsResult;
import io.berth.iam.model.GroupMessages.ListGroupsForUserRequest;
import io.berth.iam.model.GroupMessages.ListGroupsRequest;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;
import io.berth.store.Documents;

import java.util.ArrayList;
import java.util.List;

import static io.berth.iam.Violations.EXISTING_USER_NAME;
import static io.berth.iam.Violations.GROUP_NAME;
import static io.berth.iam.Violations.PATH;
import static io.berth.iam.Violations.PATH_PREFIX;

/** IAM groups and their members; membership is recorded on both the group and the user. */
final class Groups {

    /** Groups one user may belong to (IAM's quota). */
    private static final int MAX_GROUPS_PER_USER = 10;

    private final ServiceContext<IamIds> iam;

    Groups(ServiceContext<IamIds> iam) {
        this.iam = iam;
    }

    GroupResult createGroup(RequestContext context, CreateGroupRequest request) {
        Violations.check().optional("path", request.path(), PATH).text("groupName", request.groupName(), GROUP_NAME)
                .done();
        String account = context.accountId();
        return iam.write(documents -> {
            if (IamRepository.group(documents, account, request.groupName()).isPresent()) {
                throw IamErrors.alreadyExists("Group with name " + request.groupName() + " already exists.");
            }
            StoredGroup group = new StoredGroup(request.groupName(), iam.ids().uniqueId("AGPA"),
                    request.path() == null ? "/" : request.path(), iam.now(), null, null, null);
            IamRepository.saveGroup(documents, account, group);
            return new GroupResult(IamViews.group(account, group));
        });
    }

    GetGroupResult getGroup(RequestContext context, GetGroupRequest request) {
        Violations.check().text("groupName", request.groupName(), GROUP_NAME).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        return iam.read(documents -> {
            StoredGroup group = require(documents, account, request.groupName());
            Page<String> page = IamPaging.slice(group.members(), key -> key, request.marker(),
                    request.maxItems());
            return new GetGroupResult(IamViews.group(account, group), page.items().stream()
                    .flatMap(key -> IamRepository.user(documents, account, key).stream())
                    .map(user -> IamViews.user(account, user, Detail.LISTED)).toList(),
                    page.truncated(), page.nextToken());
        });
    }

    GroupsResult listGroups(RequestContext context, ListGroupsRequest request) {
        Violations.check().optional("pathPrefix", request.pathPrefix(), PATH_PREFIX).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        Page<StoredGroup> page = iam.read(documents -> IamPaging.fromStore(request.marker(),
                request.maxItems(),
                (after, size) -> IamRepository.page(documents, IamRepository.GROUP, account, after, size, StoredGroup.class),
                group -> request.pathPrefix() == null || group.path().startsWith(request.pathPrefix()),
                group -> IamRepository.key(group.groupName())));
        return new GroupsResult(page.items().stream().map(g -> IamViews.group(account, g)).toList(),
                page.truncated(), page.nextToken());
    }

    NoResult deleteGroup(RequestContext context, DeleteGroupRequest request) {
        Violations.check().text("groupName", request.groupName(), GROUP_NAME).done();
        String account = context.accountId();
        return iam.write(documents -> {
            StoredGroup group = require(documents, account, request.groupName());
            if (!group.members().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!group.attachedPolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!group.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            IamRepository.delete(documents, IamRepository.GROUP, account, group.groupName());
            return new NoResult();
        });
    }

    /** Adding a member twice is no error, as in IAM. */
    NoResult addUserToGroup(RequestContext context, GroupMembershipRequest request) {
        validate(request);
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = Users.require(documents, account, request.userName());
            StoredGroup group = require(documents, account, request.groupName());
            String userKey = IamRepository.key(user.userName());
            String groupKey = IamRepository.key(group.groupName());
            if (group.members().contains(userKey)) {
                return new NoResult();
            }
            if (user.groups().size() >= MAX_GROUPS_PER_USER) {
                throw IamErrors.quota("GroupsPerUser", MAX_GROUPS_PER_USER);
            }
            List<String> members = new ArrayList<>(group.members());
            members.add(userKey);
            List<String> groups = new ArrayList<>(user.groups());
            groups.add(groupKey);
            IamRepository.saveGroup(documents, account, group.withMembers(members));
            IamRepository.saveUser(documents, account, user.withGroups(groups.stream().sorted().toList()));
            return new NoResult();
        });
    }

    /** Removing a user who is not a member is no error either. */
    NoResult removeUserFromGroup(RequestContext context, GroupMembershipRequest request) {
        validate(request);
        String account = context.accountId();
        return iam.write(documents -> {
            StoredUser user = Users.require(documents, account, request.userName());
            StoredGroup group = require(documents, account, request.groupName());
            String userKey = IamRepository.key(user.userName());
            String groupKey = IamRepository.key(group.groupName());
            IamRepository.saveGroup(documents, account,
                    group.withMembers(group.members().stream().filter(m -> !m.equals(userKey)).toList()));
            IamRepository.saveUser(documents, account,
                    user.withGroups(user.groups().stream().filter(g -> !g.equals(groupKey)).toList()));
            return new NoResult();
        });
    }

    GroupsResult listGroupsForUser(RequestContext context, ListGroupsForUserRequest request) {
        Violations.check().text("userName", request.userName(), EXISTING_USER_NAME).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        return iam.read(documents -> {
            StoredUser user = Users.require(documents, account, request.userName());
            Page<String> page = IamPaging.slice(user.groups(), key -> key, request.marker(),
                    request.maxItems());
            return new GroupsResult(page.items().stream()
                    .flatMap(key -> IamRepository.group(documents, account, key).stream())
                    .map(group -> IamViews.group(account, group)).toList(), page.truncated(), page.nextToken());
        });
    }

    static StoredGroup require(Documents documents, String account, String name) {
        return IamRepository.group(documents, account, name).orElseThrow(() -> EntityKind.GROUP.notFound(name));
    }

    private static void validate(GroupMembershipRequest request) {
        Violations.check().text("groupName", request.groupName(), GROUP_NAME)
                .text("userName", request.userName(), EXISTING_USER_NAME).done();
    }
}
