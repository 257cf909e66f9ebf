package io.berth.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IamUsersIT extends IamItSupport {

    @Test
    void createGetListAndDeleteAUser() {
        String name = unique("alice");
        User created = iam.createUser(r -> r.userName(name).path("/engineering/")).user();

        assertThat(created.userName()).isEqualTo(name);
        assertThat(created.path()).isEqualTo("/engineering/");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/engineering/" + name);
        assertThat(created.userId()).hasSize(21).startsWith("AIDA").matches("[A-Z0-9]+");
        assertThat(created.createDate()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1));
        assertThat(created.hasTags()).isFalse();
        assertThat(iam.getUser(r -> r.userName(name)).user()).isEqualTo(created);
        assertThat(iam.listUsers(r -> r.pathPrefix("/engineering/")).users()).containsExactly(created);

        iam.deleteUser(r -> r.userName(name));

        assertIamError(() -> iam.getUser(r -> r.userName(name)), NoSuchEntityException.class, "NoSuchEntity", 404,
                "The user with name " + name + " cannot be found.");
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
        String name = unique("Bob");
        iam.createUser(r -> r.userName(name));

        assertIamError(() -> iam.createUser(r -> r.userName(name.toUpperCase())), EntityAlreadyExistsException.class,
                "EntityAlreadyExists", 409, "User with name " + name.toUpperCase() + " already exists.");
        assertThat(iam.getUser(r -> r.userName(name.toLowerCase())).user().userName()).isEqualTo(name);
    }

    @Test
    void userNamesAndPathsAreValidatedAsIamDoes() {
        assertValidationError(() -> iam.createUser(r -> r.userName("has space")),
                "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertValidationError(() -> iam.createUser(r -> r.userName("u".repeat(65))),
                "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64");
        assertValidationError(() -> iam.createUser(r -> r.userName("ok").path("no-slashes")),
                "1 validation error detected: Value at 'path' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        assertValidationError(() -> iam.createUser(r -> r.userName("")),
                "2 validation errors detected: Value at 'userName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value at 'userName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertValidationError(() -> iam.deleteUser(r -> { }),
                "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void updateUserRenamesAndMovesItAndWhatRefersToIt() {
        String name = unique("carol");
        String group = unique("devs");
        iam.createUser(r -> r.userName(name));
        iam.createGroup(r -> r.groupName(group));
        iam.addUserToGroup(r -> r.groupName(group).userName(name));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        iam.attachUserPolicy(r -> r.userName(name).policyArn(ADMIN_ARN));
        String renamed = unique("caroline");

        iam.updateUser(r -> r.userName(name).newUserName(renamed).newPath("/moved/"));

        User user = iam.getUser(r -> r.userName(renamed)).user();
        assertThat(user.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/moved/" + renamed);
        assertIamError(() -> iam.getUser(r -> r.userName(name)), NoSuchEntityException.class, "NoSuchEntity", 404,
                "The user with name " + name + " cannot be found.");
        assertThat(iam.getGroup(r -> r.groupName(group)).users()).extracting(User::userName).containsExactly(renamed);
        assertThat(iam.listAccessKeys(r -> r.userName(renamed)).accessKeyMetadata())
                .extracting(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::userName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key.accessKeyId(), renamed));
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(ADMIN_ARN)).policyUsers())
                .anySatisfy(u -> assertThat(u.userName()).isEqualTo(renamed))
                .noneSatisfy(u -> assertThat(u.userName()).isEqualTo(name));
    }

    @Test
    void updateUserRefusesATakenName() {
        String first = unique("dave");
        String second = unique("erin");
        iam.createUser(r -> r.userName(first));
        iam.createUser(r -> r.userName(second));

        assertIamError(() -> iam.updateUser(r -> r.userName(first).newUserName(second)),
                EntityAlreadyExistsException.class, "EntityAlreadyExists", 409, "User with name " + second + " already exists.");
        assertIamError(() -> iam.updateUser(r -> r.userName("nobody-" + first).newUserName("x")),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The user with name nobody-" + first + " cannot be found.");
    }

    @Test
    void deleteUserRefusesWhileKeysGroupsOrPoliciesRemain() {
        String name = unique("frank");
        String group = unique("ops");
        iam.createUser(r -> r.userName(name));
        iam.createGroup(r -> r.groupName(group));

        String keyId = iam.createAccessKey(r -> r.userName(name)).accessKey().accessKeyId();
        assertDeleteConflict(name, "Cannot delete entity, must delete access keys first.");
        iam.deleteAccessKey(r -> r.userName(name).accessKeyId(keyId));

        iam.addUserToGroup(r -> r.groupName(group).userName(name));
        assertDeleteConflict(name, "Cannot delete entity, must remove users from group first.");
        iam.removeUserFromGroup(r -> r.groupName(group).userName(name));

        iam.attachUserPolicy(r -> r.userName(name).policyArn(ADMIN_ARN));
        assertDeleteConflict(name, "Cannot delete entity, must detach all policies first.");
        iam.detachUserPolicy(r -> r.userName(name).policyArn(ADMIN_ARN));

        iam.putUserPolicy(r -> r.userName(name).policyName("inline").policyDocument(ALLOW_LIST_BUCKET));
        assertDeleteConflict(name, "Cannot delete entity, must delete policies first.");
        iam.deleteUserPolicy(r -> r.userName(name).policyName("inline"));

        iam.deleteUser(r -> r.userName(name));
        assertThat(iam.listUsers().users()).extracting(User::userName).doesNotContain(name);
    }

    @Test
    void tagsAreMergedIgnoringKeyCaseAndListedShortestKeyFirst() {
        String name = unique("grace");
        User created = iam.createUser(r -> r.userName(name)
                .tags(Tag.builder().key("team").value("platform").build(), Tag.builder().key("a").value("1").build())).user();
        assertThat(created.tags()).extracting(Tag::key).containsExactly("a", "team");

        iam.tagUser(r -> r.userName(name).tags(Tag.builder().key("TEAM").value("infra").build(),
                Tag.builder().key("cost-center").value("").build()));

        assertThat(iam.listUserTags(r -> r.userName(name)).tags()).containsExactly(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("TEAM").value("infra").build(),
                Tag.builder().key("cost-center").value("").build());
        assertThat(iam.getUser(r -> r.userName(name)).user().tags()).hasSize(3);
        assertThat(iam.listUsers().users()).filteredOn(u -> u.userName().equals(name))
                .allSatisfy(u -> assertThat(u.hasTags()).isFalse());

        iam.untagUser(r -> r.userName(name).tagKeys("team", "A"));

        assertThat(iam.listUserTags(r -> r.userName(name)).tags()).containsExactly(
                Tag.builder().key("cost-center").value("").build());
    }

    @Test
    void tagErrorsAreIams() {
        String name = unique("heidi");
        iam.createUser(r -> r.userName(name));

        assertIamError(() -> iam.tagUser(r -> r.userName(name).tags(Tag.builder().key("k").value("1").build(),
                        Tag.builder().key("K").value("2").build())), InvalidInputException.class, "InvalidInput", 400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        assertValidationError(() -> iam.tagUser(r -> r.userName(name).tags(Tag.builder().key("bad!").value("v").build())),
                "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
        assertValidationError(() -> iam.tagUser(r -> r.userName(name).tags(Tag.builder().key("k").value("v".repeat(257)).build())),
                "1 validation error detected: Value at 'tags.1.member.value' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256");
        assertIamError(() -> iam.listUserTags(r -> r.userName("missing-" + name)), NoSuchEntityException.class,
                "NoSuchEntity", 404, "The user with name missing-" + name + " cannot be found.");
    }

    @Test
    void accessKeysAreCreatedListedUpdatedAndDeleted() {
        String name = unique("ivan");
        iam.createUser(r -> r.userName(name));

        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();

        assertThat(key.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.userName()).isEqualTo(name);
        assertThat(iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata()).containsExactly(
                AccessKeyMetadata.builder().userName(name).accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE)
                        .createDate(key.createDate()).build());

        iam.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata()).singleElement()
                .extracting(AccessKeyMetadata::status).isEqualTo(StatusType.INACTIVE);

        GetAccessKeyLastUsedResponse lastUsed = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(lastUsed.userName()).isEqualTo(name);
        assertThat(lastUsed.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(lastUsed.accessKeyLastUsed().region()).isEqualTo("N/A");
        assertThat(lastUsed.accessKeyLastUsed().lastUsedDate()).isNull();

        iam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        assertThat(iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata()).isEmpty();
    }

    @Test
    void accessKeyErrorsAreIams() {
        String name = unique("judy");
        iam.createUser(r -> r.userName(name));
        iam.createAccessKey(r -> r.userName(name));
        String second = iam.createAccessKey(r -> r.userName(name)).accessKey().accessKeyId();

        assertIamError(() -> iam.createAccessKey(r -> r.userName(name)), LimitExceededException.class, "LimitExceeded",
                409, "Cannot exceed quota for AccessKeysPerUser: 2");
        assertIamError(() -> iam.updateAccessKey(r -> r.userName(name).accessKeyId("AKIAIOSFODNN7EXAMPLF")
                        .status(StatusType.INACTIVE)), NoSuchEntityException.class, "NoSuchEntity", 404,
                "The Access Key with id AKIAIOSFODNN7EXAMPLF cannot be found.");
        assertValidationError(() -> iam.updateAccessKey(r -> r.userName(name).accessKeyId(second).status("Sleeping")),
                "1 validation error detected: Value at 'status' failed to satisfy constraint: "
                        + "Member must satisfy enum value set");
        assertIamError(() -> iam.createAccessKey(r -> r.userName("nobody-" + name)), NoSuchEntityException.class,
                "NoSuchEntity", 404, "The user with name nobody-" + name + " cannot be found.");
        assertIamError(() -> iam.getAccessKeyLastUsed(r -> r.accessKeyId("AKIAIOSFODNN7EXAMPLF")), IamException.class,
                "AccessDenied", 403, "User: arn:aws:iam::" + ACCOUNT + ":root is not authorized to perform "
                        + "iam:GetAccessKeyLastUsed on resource: access key AKIAIOSFODNN7EXAMPLF");
        // The root signs with credentials of no IAM user: it must name the user.
        assertValidationError(() -> iam.listAccessKeys(r -> { }),
                "Must specify userName when calling with non-User credentials");
    }

    @Test
    void permissionsBoundaryIsSetShownAndRemoved() {
        String name = unique("kim");
        String boundary = createPolicy(unique("boundary"));

        User created = iam.createUser(r -> r.userName(name).permissionsBoundary(boundary)).user();

        assertThat(created.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundary);
        assertThat(created.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("Policy");
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount()).isEqualTo(1);

        iam.putUserPermissionsBoundary(r -> r.userName(name).permissionsBoundary(EXECUTION_ROLE_POLICY_ARN));
        assertThat(iam.getUser(r -> r.userName(name)).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(EXECUTION_ROLE_POLICY_ARN);
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount()).isZero();

        iam.deleteUserPermissionsBoundary(r -> r.userName(name));
        assertThat(iam.getUser(r -> r.userName(name)).user().permissionsBoundary()).isNull();
    }

    private void assertDeleteConflict(String name, String message) {
        assertIamError(() -> iam.deleteUser(r -> r.userName(name)), DeleteConflictException.class, "DeleteConflict",
                409, message);
    }
}
