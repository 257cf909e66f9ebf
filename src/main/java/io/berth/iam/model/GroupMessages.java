package io.berth.iam.model;

import io.berth.iam.model.IamShapes.Group;
import io.berth.iam.model.IamShapes.User;

import java.util.List;

/** Requests and results of the IAM group and group membership operations. */
public final class GroupMessages {

    private GroupMessages() {
    }

    public record CreateGroupRequest(String path, String groupName) {
    }

    public record GroupResult(Group group) {
    }

    public record GetGroupRequest(String groupName, String marker, Integer maxItems) {
    }

    public record GetGroupResult(Group group, List<User> users, Boolean isTruncated, String marker) {
    }

    public record ListGroupsRequest(String pathPrefix, String marker, Integer maxItems) {
    }

    public record GroupsResult(List<Group> groups, Boolean isTruncated, String marker) {
    }

    public record DeleteGroupRequest(String groupName) {
    }

    /** AddUserToGroup and RemoveUserFromGroup. */
    public record GroupMembershipRequest(String groupName, String userName) {
    }

    public record ListGroupsForUserRequest(String userName, String marker, Integer maxItems) {
    }
}
