package io.berth.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IamGroupsIT extends IamItSupport {

    @Test
    void createGetListAndDeleteAGroup() {
        String name = unique("admins");
        Group created = iam.createGroup(r -> r.groupName(name).path("/teams/")).group();

        assertThat(created.groupId()).hasSize(21).startsWith("AGPA");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/teams/" + name);
        GetGroupResponse fetched = iam.getGroup(r -> r.groupName(name));
        assertThat(fetched.group()).isEqualTo(created);
        assertThat(fetched.users()).isEmpty();
        assertThat(fetched.isTruncated()).isFalse();
        assertThat(iam.listGroups(r -> r.pathPrefix("/teams/")).groups()).containsExactly(created);

        iam.deleteGroup(r -> r.groupName(name));

        assertIamError(() -> iam.getGroup(r -> r.groupName(name)), NoSuchEntityException.class, "NoSuchEntity", 404,
                "The group with name " + name + " cannot be found.");
    }

    @Test
    void groupNamesAreUniqueIgnoringCase() {
        String name = unique("Readers");
        iam.createGroup(r -> r.groupName(name));

        assertIamError(() -> iam.createGroup(r -> r.groupName(name.toLowerCase())), EntityAlreadyExistsException.class,
                "EntityAlreadyExists", 409, "Group with name " + name.toLowerCase() + " already exists.");
    }

    @Test
    void membersAreAddedListedAndRemoved() {
        String group = unique("builders");
        String other = unique("testers");
        String alice = unique("alice");
        String bob = unique("bob");
        iam.createGroup(r -> r.groupName(group));
        iam.createGroup(r -> r.groupName(other));
        iam.createUser(r -> r.userName(alice));
        iam.createUser(r -> r.userName(bob));

        iam.addUserToGroup(r -> r.groupName(group).userName(alice));
        iam.addUserToGroup(r -> r.groupName(group).userName(alice));
        iam.addUserToGroup(r -> r.groupName(group).userName(bob));
        iam.addUserToGroup(r -> r.groupName(other).userName(alice));

        assertThat(iam.getGroup(r -> r.groupName(group)).users()).extracting(User::userName).containsExactly(alice, bob);
        assertThat(iam.listGroupsForUser(r -> r.userName(alice)).groups()).extracting(Group::groupName)
                .containsExactly(group, other);
        assertIamError(() -> iam.deleteGroup(r -> r.groupName(group)), DeleteConflictException.class, "DeleteConflict",
                409, "Cannot delete entity, must remove users from group first.");

        iam.removeUserFromGroup(r -> r.groupName(group).userName(alice));
        iam.removeUserFromGroup(r -> r.groupName(group).userName(alice));

        assertThat(iam.getGroup(r -> r.groupName(group)).users()).extracting(User::userName).containsExactly(bob);
        assertThat(iam.listGroupsForUser(r -> r.userName(alice)).groups()).extracting(Group::groupName)
                .containsExactly(other);
    }

    @Test
    void membershipErrorsNameTheMissingEntity() {
        String group = unique("auditors");
        String user = unique("carol");
        iam.createGroup(r -> r.groupName(group));
        iam.createUser(r -> r.userName(user));

        assertIamError(() -> iam.addUserToGroup(r -> r.groupName(group).userName("nobody")),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The user with name nobody cannot be found.");
        assertIamError(() -> iam.addUserToGroup(r -> r.groupName("no-group").userName(user)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The group with name no-group cannot be found.");
        assertIamError(() -> iam.removeUserFromGroup(r -> r.groupName("no-group").userName("nobody")),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The user with name nobody cannot be found.");
        assertIamError(() -> iam.listGroupsForUser(r -> r.userName("nobody")),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The user with name nobody cannot be found.");
    }

    @Test
    void aUserBelongsToAtMostTenGroups() {
        String user = unique("dave");
        iam.createUser(r -> r.userName(user));
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String group = unique("g");
            iam.createGroup(r -> r.groupName(group));
            groups.add(group);
        }
        for (String group : groups.subList(0, 10)) {
            iam.addUserToGroup(r -> r.groupName(group).userName(user));
        }

        assertIamError(() -> iam.addUserToGroup(r -> r.groupName(groups.get(10)).userName(user)),
                LimitExceededException.class, "LimitExceeded", 409, "Cannot exceed quota for GroupsPerUser: 10");
    }

    @Test
    void deleteGroupRefusesWhilePoliciesRemain() {
        String group = unique("devops");
        iam.createGroup(r -> r.groupName(group));

        iam.attachGroupPolicy(r -> r.groupName(group).policyArn(ADMIN_ARN));
        assertIamError(() -> iam.deleteGroup(r -> r.groupName(group)), DeleteConflictException.class, "DeleteConflict",
                409, "Cannot delete entity, must detach all policies first.");
        iam.detachGroupPolicy(r -> r.groupName(group).policyArn(ADMIN_ARN));

        iam.putGroupPolicy(r -> r.groupName(group).policyName("inline").policyDocument(ALLOW_LIST_BUCKET));
        assertIamError(() -> iam.deleteGroup(r -> r.groupName(group)), DeleteConflictException.class, "DeleteConflict",
                409, "Cannot delete entity, must delete policies first.");
        iam.deleteGroupPolicy(r -> r.groupName(group).policyName("inline"));

        iam.deleteGroup(r -> r.groupName(group));
    }
}
