package io.berth.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IamRolesIT extends IamItSupport {

    /** The classic set-up: a user, a policy, a role the user may assume, the policy attached, and all undone. */
    @Test
    void classicSetUpRoundTrips() {
        String user = unique("deployer");
        String policyName = unique("deploy-policy");
        String roleName = unique("deploy-role");
        String userArn = iam.createUser(r -> r.userName(user)).user().arn();
        String policyArn = iam.createPolicy(r -> r.policyName(policyName).policyDocument(ALLOW_LIST_BUCKET)
                .description("lets the deployer list buckets")).policy().arn();
        String trust = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "TrustTheDeployer",
                      "Effect": "Allow",
                      "Principal": {"AWS": "%s"},
                      "Action": "sts:AssumeRole"
                    }
                  ]
                }""".formatted(userArn);

        Role created = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust)
                .description("assumed by the deployer")).role();
        iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn));

        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(roleName)).attachedPolicies())
                .containsExactly(AttachedPolicy.builder().policyName(policyName).policyArn(policyArn).build());
        Role role = iam.getRole(r -> r.roleName(roleName)).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + roleName).isEqualTo(created.arn());
        assertThat(role.roleId()).hasSize(21).startsWith("AROA").isEqualTo(created.roleId());
        assertThat(role.assumeRolePolicyDocument()).startsWith("%7B%0A").doesNotContain("{", "+");
        assertThat(decoded(role.assumeRolePolicyDocument())).isEqualTo(trust);
        assertThat(role.description()).isEqualTo("assumed by the deployer");
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertThat(role.roleLastUsed()).isNotNull();
        assertThat(iam.getPolicy(r -> r.policyArn(policyArn)).policy().attachmentCount()).isEqualTo(1);

        iam.detachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn));
        iam.deleteRole(r -> r.roleName(roleName));
        iam.deletePolicy(r -> r.policyArn(policyArn));

        assertIamError(() -> iam.getRole(r -> r.roleName(roleName)), NoSuchEntityException.class, "NoSuchEntity", 404,
                "The role with name " + roleName + " cannot be found.");
        assertIamError(() -> iam.getPolicy(r -> r.policyArn(policyArn)), NoSuchEntityException.class, "NoSuchEntity",
                404, "Policy " + policyArn + " was not found.");
    }

    @Test
    void createRoleAnswersWithLessThanGetRole() {
        String name = unique("app");
        Role created = iam.createRole(r -> r.roleName(name).path("/service/").assumeRolePolicyDocument(TRUST_EC2)
                .description("an app").maxSessionDuration(7200).tags(Tag.builder().key("env").value("prod").build()))
                .role();

        assertThat(created.path()).isEqualTo("/service/");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/service/" + name);
        assertThat(created.description()).isNull();
        assertThat(created.maxSessionDuration()).isNull();
        assertThat(created.roleLastUsed()).isNull();
        assertThat(created.tags()).containsExactly(Tag.builder().key("env").value("prod").build());

        Role listed = iam.listRoles(r -> r.pathPrefix("/service/")).roles().getFirst();
        assertThat(listed.description()).isEqualTo("an app");
        assertThat(listed.maxSessionDuration()).isEqualTo(7200);
        assertThat(listed.hasTags()).isFalse();
        assertThat(listed.roleLastUsed()).isNull();
        assertThat(decoded(listed.assumeRolePolicyDocument())).isEqualTo(TRUST_EC2);
    }

    @Test
    void aRoleIsInNoInstanceProfile() {
        String name = unique("profiled");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2));

        var profiles = iam.listInstanceProfilesForRole(r -> r.roleName(name));

        assertThat(profiles.instanceProfiles()).isEmpty();
        assertThat(profiles.isTruncated()).isFalse();
        iam.deleteRole(r -> r.roleName(name));
        assertIamError(() -> iam.listInstanceProfilesForRole(r -> r.roleName(name)), NoSuchEntityException.class,
                "NoSuchEntity", 404, "The role with name " + name + " cannot be found.");
    }

    @Test
    void roleNamesAreUniqueIgnoringCase() {
        String name = unique("Worker");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2));

        assertIamError(() -> iam.createRole(r -> r.roleName(name.toUpperCase()).assumeRolePolicyDocument(TRUST_EC2)),
                EntityAlreadyExistsException.class, "EntityAlreadyExists", 409,
                "Role with name " + name.toUpperCase() + " already exists.");
    }

    @Test
    void createRoleIsValidatedAsIamDoes() {
        assertValidationError(() -> iam.createRole(r -> r.roleName("bad/name").assumeRolePolicyDocument(TRUST_EC2)),
                "1 validation error detected: Value at 'roleName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertValidationError(() -> iam.createRole(r -> r.roleName("r".repeat(65)).assumeRolePolicyDocument(TRUST_EC2)),
                "1 validation error detected: Value at 'roleName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64");
        assertValidationError(() -> iam.createRole(r -> r.roleName("ok").assumeRolePolicyDocument(TRUST_EC2)
                        .maxSessionDuration(43201)),
                "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 43200");
        assertValidationError(() -> iam.createRole(r -> r.roleName("ok").assumeRolePolicyDocument(TRUST_EC2)
                        .maxSessionDuration(3599)),
                "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 3600");
        assertValidationError(() -> iam.createRole(r -> r.roleName("ok")),
                "1 validation error detected: Value at 'assumeRolePolicyDocument' failed to satisfy constraint: "
                        + "Member must not be null");
        assertIamError(() -> iam.createRole(r -> r.roleName("ok").assumeRolePolicyDocument("   ")),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocument", 400, null);
        assertIamError(() -> iam.createRole(r -> r.roleName("ok").assumeRolePolicyDocument(trustPolicyOfSize(2100))),
                LimitExceededException.class, "LimitExceeded", 409, "Cannot exceed quota for ACLSizePerRole: 2048");
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).doesNotContain("ok");
    }

    @Test
    void aTrustPolicyOfExactlyTheLimitIsAccepted() {
        String name = unique("big-trust");
        String trust = trustPolicyOfSize(2048);

        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust));

        assertThat(decoded(iam.getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument())).isEqualTo(trust);
    }

    @Test
    void updateRoleAndItsTrustPolicy() {
        String name = unique("batch");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2).description("before"));
        String ecsTrust = TRUST_EC2.replace("ec2.amazonaws.com", "ecs-tasks.amazonaws.com");

        iam.updateRole(r -> r.roleName(name).maxSessionDuration(43200));
        iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(ecsTrust));

        Role role = iam.getRole(r -> r.roleName(name)).role();
        assertThat(role.description()).isEqualTo("before");
        assertThat(role.maxSessionDuration()).isEqualTo(43200);
        assertThat(decoded(role.assumeRolePolicyDocument())).isEqualTo(ecsTrust);
        assertIamError(() -> iam.updateRole(r -> r.roleName("missing-" + name).description("x")),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The role with name missing-" + name + " cannot be found.");
        assertIamError(() -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(" ")),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocument", 400, null);
    }

    @Test
    void deleteRoleRefusesWhilePoliciesRemain() {
        String name = unique("cleanup");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2));

        iam.attachRolePolicy(r -> r.roleName(name).policyArn(EXECUTION_ROLE_POLICY_ARN));
        assertIamError(() -> iam.deleteRole(r -> r.roleName(name)), DeleteConflictException.class, "DeleteConflict", 409,
                "Cannot delete entity, must detach all policies first.");
        iam.detachRolePolicy(r -> r.roleName(name).policyArn(EXECUTION_ROLE_POLICY_ARN));

        iam.putRolePolicy(r -> r.roleName(name).policyName("inline").policyDocument(ALLOW_LIST_BUCKET));
        assertIamError(() -> iam.deleteRole(r -> r.roleName(name)), DeleteConflictException.class, "DeleteConflict", 409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteRolePolicy(r -> r.roleName(name).policyName("inline"));

        iam.deleteRole(r -> r.roleName(name));
    }

    @Test
    void roleTagsAreMergedAndRemoved() {
        String name = unique("tagged");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2)
                .tags(Tag.builder().key("somekey").value("somevalue").build(),
                        Tag.builder().key("someotherkey").value("someothervalue").build()));

        iam.tagRole(r -> r.roleName(name).tags(Tag.builder().key("Somekey").value("updated").build()));

        assertThat(iam.listRoleTags(r -> r.roleName(name)).tags()).containsExactly(
                Tag.builder().key("Somekey").value("updated").build(),
                Tag.builder().key("someotherkey").value("someothervalue").build());
        assertThat(iam.getRole(r -> r.roleName(name)).role().tags()).hasSize(2);

        iam.untagRole(r -> r.roleName(name).tagKeys("somekey"));

        assertThat(iam.listRoleTags(r -> r.roleName(name)).tags()).extracting(Tag::key).containsExactly("someotherkey");
        assertValidationError(() -> iam.untagRole(r -> r.roleName(name).tagKeys("bad!key")),
                "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must satisfy "
                        + "constraint: [Member must have length less than or equal to 128, Member must have length "
                        + "greater than or equal to 1, Member must satisfy regular expression pattern: "
                        + "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+, Member must not be null]");
        assertIamError(() -> iam.tagRole(r -> r.roleName("missing-" + name).tags(Tag.builder().key("k").value("v").build())),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The role with name missing-" + name + " cannot be found.");
    }

    @Test
    void aRoleHasAtMostFiftyTags() {
        String name = unique("many-tags");
        Tag[] fifty = IntStream.range(0, 50).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toArray(Tag[]::new);
        Tag[] fiftyOne = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toArray(Tag[]::new);

        assertValidationError(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2).tags(fiftyOne)),
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 50");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2).tags(fifty));
        assertThat(iam.listRoleTags(r -> r.roleName(name)).tags()).hasSize(50);
    }

    @Test
    void permissionsBoundaryIsSetAndRemoved() {
        String name = unique("bounded");
        String boundary = createPolicy(unique("role-boundary"));

        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2).permissionsBoundary(boundary));

        assertThat(iam.getRole(r -> r.roleName(name)).role().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(boundary);
        assertThat(iam.listRoles().roles()).filteredOn(r -> r.roleName().equals(name))
                .allSatisfy(r -> assertThat(r.permissionsBoundary()).isNull());
        assertIamError(() -> iam.deletePolicy(r -> r.policyArn(boundary)), DeleteConflictException.class,
                "DeleteConflict", 409, "Cannot delete a policy attached to entities.");

        iam.putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(ADMIN_ARN));
        assertThat(iam.getRole(r -> r.roleName(name)).role().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(ADMIN_ARN);
        iam.deleteRolePermissionsBoundary(r -> r.roleName(name));
        assertThat(iam.getRole(r -> r.roleName(name)).role().permissionsBoundary()).isNull();
        iam.deletePolicy(r -> r.policyArn(boundary));
    }

    @Test
    void permissionsBoundaryErrorsAreIams() {
        String name = unique("unbounded");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2));
        String invalid = "arn:aws:iam::" + ACCOUNT + ":not_a_policy/invalid";
        String missing = localPolicyArn("/", "no-such-policy");

        assertIamError(() -> iam.putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(invalid)),
                InvalidInputException.class, "InvalidInput", 400, "ARN " + invalid + " is not valid.");
        assertIamError(() -> iam.putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(missing)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "Scope ARN: " + missing + " does not exist or is not attachable.");
        assertIamError(() -> iam.createRole(r -> r.roleName(unique("x")).assumeRolePolicyDocument(TRUST_EC2)
                        .permissionsBoundary(missing)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "Scope ARN: " + missing + " does not exist or is not attachable.");
        assertIamError(() -> iam.putRolePermissionsBoundary(r -> r.roleName("missing-" + name).permissionsBoundary(ADMIN_ARN)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The role with name missing-" + name + " cannot be found.");
    }

    /** A trust policy of exactly {@code size} characters, whitespace not counted, made of distinct statements. */
    private static String trustPolicyOfSize(int size) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[";
        String tail = "]}";
        StringBuilder statements = new StringBuilder();
        int i = 0;
        String statement = "{\"Sid\":\"S%03d\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}";
        while (head.length() + statements.length() + tail.length() + statement.formatted(i).length() + 1 <= size) {
            statements.append(i == 0 ? "" : ",").append(statement.formatted(i++));
        }
        String policy = head + statements + tail;
        // Pad the last Sid so the document is exactly the size asked for.
        int missing = size - policy.length();
        String padded = statements.toString().replaceFirst("\"Sid\":\"S000\"",
                "\"Sid\":\"S000" + IntStream.range(0, missing).mapToObj(n -> "x").collect(Collectors.joining()) + "\"");
        return head + padded + tail;
    }
}
