package io.berth.iam.model;

import io.berth.iam.model.IamShapes.AccessKey;
import io.berth.iam.model.IamShapes.AccessKeyLastUsed;
import io.berth.iam.model.IamShapes.AccessKeyMetadata;
import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.IamShapes.User;

import java.util.List;

/** Requests and results of the IAM user, user tag and access key operations. */
public final class UserMessages {

    private UserMessages() {
    }

    public record CreateUserRequest(String path, String userName, String permissionsBoundary, List<Tag> tags) {
    }

    public record GetUserRequest(String userName) {
    }

    public record UserResult(User user) {
    }

    public record ListUsersRequest(String pathPrefix, String marker, Integer maxItems) {
    }

    public record ListUsersResult(List<User> users, Boolean isTruncated, String marker) {
    }

    public record UpdateUserRequest(String userName, String newPath, String newUserName) {
    }

    public record DeleteUserRequest(String userName) {
    }

    public record TagUserRequest(String userName, List<Tag> tags) {
    }

    public record UntagUserRequest(String userName, List<String> tagKeys) {
    }

    public record ListUserTagsRequest(String userName, String marker, Integer maxItems) {
    }

    public record TagsResult(List<Tag> tags, Boolean isTruncated, String marker) {
    }

    public record PutUserPermissionsBoundaryRequest(String userName, String permissionsBoundary) {
    }

    public record DeleteUserPermissionsBoundaryRequest(String userName) {
    }

    public record CreateAccessKeyRequest(String userName) {
    }

    public record CreateAccessKeyResult(AccessKey accessKey) {
    }

    public record ListAccessKeysRequest(String userName, String marker, Integer maxItems) {
    }

    public record ListAccessKeysResult(List<AccessKeyMetadata> accessKeyMetadata, Boolean isTruncated, String marker) {
    }

    public record UpdateAccessKeyRequest(String userName, String accessKeyId, String status) {
    }

    public record DeleteAccessKeyRequest(String userName, String accessKeyId) {
    }

    public record GetAccessKeyLastUsedRequest(String accessKeyId) {
    }

    public record GetAccessKeyLastUsedResult(String userName, AccessKeyLastUsed accessKeyLastUsed) {
    }
}
