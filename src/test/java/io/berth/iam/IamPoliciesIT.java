package io.berth.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyGroup;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUser;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

class IamPoliciesIT extends IamItSupport {

    @Test
    void createGetListAndDeleteAPolicy() {
        String name = unique("s3-reader");
        Policy created = iam.createPolicy(r -> r.policyName(name).path("/app/").policyDocument(ALLOW_LIST_BUCKET)
                .description("reads buckets").tags(Tag.builder().key("owner").value("me").build())).policy();

        assertThat(created.arn()).isEqualTo(localPolicyArn("/app/", name));
        assertThat(created.policyId()).hasSize(21).startsWith("ANPA");
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.permissionsBoundaryUsageCount()).isZero();
        assertThat(created.isAttachable()).isTrue();
        assertThat(created.description()).isNull();
        assertThat(created.tags()).containsExactly(Tag.builder().key("owner").value("me").build());
        assertThat(created.updateDate()).isEqualTo(created.createDate());

        Policy fetched = iam.getPolicy(r -> r.policyArn(created.arn())).policy();
        assertThat(fetched.description()).isEqualTo("reads buckets");
        assertThat(fetched.tags()).isEqualTo(created.tags());
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/app/")).policies())
                .singleElement().satisfies(p -> {
                    assertThat(p.arn()).isEqualTo(created.arn());
                    assertThat(p.description()).isNull();
                    assertThat(p.hasTags()).isFalse();
                });
        PolicyVersion v1 = iam.getPolicyVersion(r -> r.policyArn(created.arn()).versionId("v1")).policyVersion();
        assertThat(v1.isDefaultVersion()).isTrue();
        assertThat(decoded(v1.document())).isEqualTo(ALLOW_LIST_BUCKET);

        iam.deletePolicy(r -> r.policyArn(created.arn()));

        assertIamError(() -> iam.getPolicy(r -> r.policyArn(created.arn())), NoSuchEntityException.class, "NoSuchEntity",
                404, "Policy " + created.arn() + " was not found.");
    }

    @Test
    void policyNamesAreUniqueAndDocumentsChecked() {
        String name = unique("Unique");
        createPolicy(name);

        assertIamError(() -> iam.createPolicy(r -> r.policyName(name.toLowerCase()).path("/other/")
                        .policyDocument(ALLOW_LIST_BUCKET)), EntityAlreadyExistsException.class, "EntityAlreadyExists", 409,
                "A policy called " + name.toLowerCase() + " already exists. Duplicate names are not allowed.");
        assertIamError(() -> iam.createPolicy(r -> r.policyName(unique("blank")).policyDocument("  ")),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocument", 400, null);
        assertIamError(() -> iam.createPolicy(r -> r.policyName(unique("huge")).policyDocument(policyOfSize(6200))),
                LimitExceededException.class, "LimitExceeded", 409, "Cannot exceed quota for PolicySize: 6144");
        assertValidationError(() -> iam.createPolicy(r -> r.policyName("p".repeat(129)).policyDocument(ALLOW_LIST_BUCKET)),
                "1 validation error detected: Value at 'policyName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
        assertValidationError(() -> iam.createPolicy(r -> r.policyName("ok").path("/a b/").policyDocument(ALLOW_LIST_BUCKET)),
                "1 validation error detected: Value at 'path' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
        assertIamError(() -> iam.createPolicy(r -> r.policyName(unique("dup-tags")).policyDocument(ALLOW_LIST_BUCKET)
                        .tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("a").value("2").build())),
                InvalidInputException.class, "InvalidInput", 400, "Duplicate tag keys found.");
        assertIamError(() -> iam.getPolicy(r -> r.policyArn("not-an-arn-but-long-enough")), InvalidInputException.class,
                "InvalidInput", 400, "ARN not-an-arn-but-long-enough is not valid.");
    }

    @Test
    void versionsAreCreatedSetDefaultListedAndDeleted() {
        String arn = createPolicy(unique("versioned"));
        String v2Document = ALLOW_LIST_BUCKET.replace("s3:ListBucket", "s3:GetObject");

        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(v2Document)).policyVersion();
        PolicyVersion v3 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_LIST_BUCKET)
                .setAsDefault(true)).policyVersion();

        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isFalse();
        assertThat(v2.document()).isNull();
        assertThat(v3.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v3");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions())
                .extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v3", true),
                        org.assertj.core.groups.Tuple.tuple("v2", false), org.assertj.core.groups.Tuple.tuple("v1", false));

        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v2"));
        assertThat(decoded(iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v2")).policyVersion().document()))
                .isEqualTo(v2Document);
        assertIamError(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2")),
                DeleteConflictException.class, "DeleteConflict", 409, "Cannot delete the default version of a policy.");
        assertIamError(() -> iam.deletePolicy(r -> r.policyArn(arn)), DeleteConflictException.class, "DeleteConflict",
                409, "This policy has more than one version. Before you delete a policy, you must delete the policy's "
                        + "versions. The default version is deleted with the policy.");

        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v3"));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v2");
        iam.deletePolicy(r -> r.policyArn(arn));
    }

    @Test
    void aPolicyHasAtMostFiveVersions() {
        String arn = createPolicy(unique("five"));
        for (int i = 0; i < 4; i++) {
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_LIST_BUCKET));
        }

        assertIamError(() -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_LIST_BUCKET)),
                LimitExceededException.class, "LimitExceeded", 409, "A managed policy can have up to 5 versions. "
                        + "Before you create a new version, you must delete an existing version.");
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2"));
        assertThat(iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_LIST_BUCKET)).policyVersion()
                .versionId()).isEqualTo("v6");
    }

    @Test
    void versionErrorsAreIams() {
        String arn = createPolicy(unique("version-errors"));
        String missing = localPolicyArn("/", "no-such-policy");

        assertIamError(() -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v9")), NoSuchEntityException.class,
                "NoSuchEntity", 404, "Policy " + arn + " version v9 does not exist or is not attachable.");
        assertIamError(() -> iam.getPolicyVersion(r -> r.policyArn(missing).versionId("v1")), NoSuchEntityException.class,
                "NoSuchEntity", 404, "Policy " + missing + " version v1 does not exist or is not attachable.");
        assertIamError(() -> iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v4")),
                NoSuchEntityException.class, "NoSuchEntity", 404,
                "Policy " + arn + " version v4 does not exist or is not attachable.");
        assertValidationError(() -> iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("1")),
                "1 validation error detected: Value at 'versionId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
        assertIamError(() -> iam.createPolicyVersion(r -> r.policyArn(missing).policyDocument(ALLOW_LIST_BUCKET)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "Policy " + missing + " was not found.");
    }

    @Test
    void awsManagedPoliciesAreListedReadableAttachableAndNotDeletable() {
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::arn)
                .containsExactly(ADMIN_ARN, "arn:aws:iam::aws:policy/AmazonECS_FullAccess", EXECUTION_ROLE_POLICY_ARN,
                        "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        Policy execution = iam.getPolicy(r -> r.policyArn(EXECUTION_ROLE_POLICY_ARN)).policy();
        assertThat(execution.path()).isEqualTo("/service-role/");
        assertThat(execution.policyName()).isEqualTo("AmazonECSTaskExecutionRolePolicy");
        assertThat(execution.isAttachable()).isTrue();
        PolicyVersion admin = iam.getPolicyVersion(r -> r.policyArn(ADMIN_ARN).versionId("v1")).policyVersion();
        assertThat(decoded(admin.document())).contains("\"Action\": \"*\"", "\"Resource\": \"*\"");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(ADMIN_ARN)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v1");

        assertIamError(() -> iam.deletePolicy(r -> r.policyArn(ADMIN_ARN)), IamException.class, "AccessDenied", 403,
                "Cannot delete policies outside your own account.");
        assertIamError(() -> iam.deletePolicyVersion(r -> r.policyArn(ADMIN_ARN).versionId("v1")), IamException.class,
                "AccessDenied", 403, "Cannot delete policy versions for policies outside your own account.");
        assertIamError(() -> iam.setDefaultPolicyVersion(r -> r.policyArn(ADMIN_ARN).versionId("v1")),
                IamException.class, "AccessDenied", 403, "Cannot update policies outside your own account.");
        assertIamError(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/Nonexistent")),
                NoSuchEntityException.class, "NoSuchEntity", 404, "Policy arn:aws:iam::aws:policy/Nonexistent was not found.");
    }

    @Test
    void listPoliciesScopesAndOnlyAttached() {
        String name = unique("scoped");
        String arn = createPolicy(name);
        String role = unique("scope-role");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));

        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.ALL)).policies()).extracting(Policy::arn)
                .contains(arn, ADMIN_ARN);
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).extracting(Policy::arn)
                .contains(arn).doesNotContain(ADMIN_ARN);
        assertThat(iam.listPolicies(r -> r.onlyAttached(true)).policies()).extracting(Policy::arn).doesNotContain(arn);

        iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));

        assertThat(iam.listPolicies(r -> r.onlyAttached(true)).policies()).filteredOn(p -> p.arn().equals(arn))
                .singleElement().extracting(Policy::attachmentCount).isEqualTo(1);
        assertValidationError(() -> iam.listPolicies(r -> r.scope("Everything")),
                "1 validation error detected: Value at 'scope' failed to satisfy constraint: "
                        + "Member must satisfy enum value set");
    }

    @Test
    void listEntitiesForPolicyNamesEveryUser() {
        String arn = createPolicy(unique("shared"));
        String user = unique("u");
        String group = unique("g");
        String role = unique("r");
        String bounded = unique("b");
        String userId = iam.createUser(r -> r.userName(user)).user().userId();
        String groupId = iam.createGroup(r -> r.groupName(group)).group().groupId();
        String roleId = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2)).role().roleId();
        String boundedId = iam.createRole(r -> r.roleName(bounded).assumeRolePolicyDocument(TRUST_EC2)
                .permissionsBoundary(arn)).role().roleId();

        iam.attachUserPolicy(r -> r.userName(user).policyArn(arn));
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn(arn));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));

        ListEntitiesForPolicyResponse all = iam.listEntitiesForPolicy(r -> r.policyArn(arn));
        assertThat(all.policyUsers()).containsExactly(PolicyUser.builder().userName(user).userId(userId).build());
        assertThat(all.policyGroups()).containsExactly(PolicyGroup.builder().groupName(group).groupId(groupId).build());
        assertThat(all.policyRoles()).containsExactlyInAnyOrder(PolicyRole.builder().roleName(role).roleId(roleId).build(),
                PolicyRole.builder().roleName(bounded).roleId(boundedId).build());
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(arn).entityFilter("Role").policyUsageFilter("PermissionsPolicy"))
                .policyRoles()).extracting(PolicyRole::roleName).containsExactly(role);
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(arn).policyUsageFilter("PermissionsBoundary"))
                .policyRoles()).extracting(PolicyRole::roleName).containsExactly(bounded);
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(arn).entityFilter("LocalManagedPolicy")).policyUsers())
                .isEmpty();
        Policy counted = iam.getPolicy(r -> r.policyArn(arn)).policy();
        assertThat(counted.attachmentCount()).isEqualTo(3);
        assertThat(counted.permissionsBoundaryUsageCount()).isEqualTo(1);
        assertIamError(() -> iam.listEntitiesForPolicy(r -> r.policyArn(localPolicyArn("/", "NonExistentPolicy"))),
                NoSuchEntityException.class, "NoSuchEntity", 404,
                "Policy " + localPolicyArn("/", "NonExistentPolicy") + " does not exist or is not attachable.");
    }

    @Test
    void policyTagsKeepKeysThatDifferInCase() {
        String arn = createPolicy(unique("tagged-policy"));

        iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("a").value("lower").build(),
                Tag.builder().key("A").value("upper").build()));
        iam.untagPolicy(r -> r.policyArn(arn).tagKeys("a"));

        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).containsExactly(
                Tag.builder().key("A").value("upper").build());
    }
}
