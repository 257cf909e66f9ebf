package io.berth.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import static org.assertj.core.api.Assertions.assertThat;

/** Managed policy attachments and inline policies of users, roles and groups. */
class IamEntityPoliciesIT extends IamItSupport {

    private static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    @Test
    void managedPoliciesAreAttachedListedAndDetachedForEveryKind() {
        String user = unique("u");
        String role = unique("r");
        String group = unique("g");
        String local = unique("local");
        String localArn = createPolicy(local);
        iam.createUser(r -> r.userName(user));
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        iam.createGroup(r -> r.groupName(group));

        iam.attachUserPolicy(r -> r.userName(user).policyArn(localArn));
        iam.attachUserPolicy(r -> r.userName(user).policyArn(ADMIN_ARN));
        iam.attachUserPolicy(r -> r.userName(user).policyArn(ADMIN_ARN));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(EXECUTION_ROLE_POLICY_ARN));
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn(READ_ONLY_ARN));

        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies()).containsExactly(
                AttachedPolicy.builder().policyName("AdministratorAccess").policyArn(ADMIN_ARN).build(),
                AttachedPolicy.builder().policyName(local).policyArn(localArn).build());
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role).pathPrefix("/service-role/")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(EXECUTION_ROLE_POLICY_ARN);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role).pathPrefix("/other/")).attachedPolicies()).isEmpty();
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName(group)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(READ_ONLY_ARN);
        assertThat(iam.getPolicy(r -> r.policyArn(localArn)).policy().attachmentCount()).isEqualTo(1);

        iam.detachUserPolicy(r -> r.userName(user).policyArn(localArn));
        iam.detachRolePolicy(r -> r.roleName(role).policyArn(EXECUTION_ROLE_POLICY_ARN));
        iam.detachGroupPolicy(r -> r.groupName(group).policyArn(READ_ONLY_ARN));

        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(ADMIN_ARN);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies()).isEmpty();
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName(group)).attachedPolicies()).isEmpty();
        assertThat(iam.getPolicy(r -> r.policyArn(localArn)).policy().attachmentCount()).isZero();
    }

    @Test
    void attachmentErrorsAreIams() {
        String role = unique("attach-errors");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        String missing = localPolicyArn("/", "nonexistent");

        assertIamError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(missing)), NoSuchEntityException.class,
                "NoSuchEntity", 404, "Policy " + missing + " does not exist or is not attachable.");
        assertIamError(() -> iam.detachRolePolicy(r -> r.roleName(role).policyArn(ADMIN_ARN)), NoSuchEntityException.class,
                "NoSuchEntity", 404, "Policy " + ADMIN_ARN + " was not found.");
        assertValidationError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn("longpolicynamebutnoarn")),
                "ARN longpolicynamebutnoarn is not valid.");
        assertIamError(() -> iam.attachRolePolicy(r -> r.roleName("missing-" + role).policyArn(ADMIN_ARN)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The role with name missing-" + role + " cannot be found.");
        assertIamError(() -> iam.attachUserPolicy(r -> r.userName("missing-" + role).policyArn(ADMIN_ARN)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The user with name missing-" + role + " cannot be found.");
        assertIamError(() -> iam.listAttachedGroupPolicies(r -> r.groupName("missing-" + role)),
                NoSuchEntityException.class, "NoSuchEntity", 404, "The group with name missing-" + role + " cannot be found.");
    }

    @Test
    void atMostTenManagedPoliciesPerRoleUserAndGroup() {
        String role = unique("crowded-role");
        String user = unique("crowded-user");
        String group = unique("crowded-group");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        iam.createUser(r -> r.userName(user));
        iam.createGroup(r -> r.groupName(group));
        for (int i = 0; i < 10; i++) {
            String arn = createPolicy(unique("p"));
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));
            iam.attachUserPolicy(r -> r.userName(user).policyArn(arn));
            iam.attachGroupPolicy(r -> r.groupName(group).policyArn(arn));
        }

        assertIamError(() -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(ADMIN_ARN)),
                LimitExceededException.class, "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerRole: 10");
        assertIamError(() -> iam.attachUserPolicy(r -> r.userName(user).policyArn(ADMIN_ARN)),
                LimitExceededException.class, "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerUser: 10");
        assertIamError(() -> iam.attachGroupPolicy(r -> r.groupName(group).policyArn(ADMIN_ARN)),
                LimitExceededException.class, "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerGroup: 10");
    }

    @Test
    void inlinePoliciesArePutReadListedAndDeletedForEveryKind() {
        String user = unique("iu");
        String role = unique("ir");
        String group = unique("ig");
        iam.createUser(r -> r.userName(user));
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        iam.createGroup(r -> r.groupName(group));
        String pretty = """
                {
                  "Version": "2012-10-17",
                  "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}
                }""";

        iam.putUserPolicy(r -> r.userName(user).policyName("b-policy").policyDocument(ALLOW_LIST_BUCKET));
        iam.putUserPolicy(r -> r.userName(user).policyName("a-policy").policyDocument(ALLOW_LIST_BUCKET));
        iam.putRolePolicy(r -> r.roleName(role).policyName("role-policy").policyDocument(pretty));
        iam.putGroupPolicy(r -> r.groupName(group).policyName("group-policy").policyDocument(ALLOW_LIST_BUCKET));

        assertThat(iam.listUserPolicies(r -> r.userName(user)).policyNames()).containsExactly("a-policy", "b-policy");
        assertThat(iam.listRolePolicies(r -> r.roleName(role)).policyNames()).containsExactly("role-policy");
        assertThat(iam.listGroupPolicies(r -> r.groupName(group)).policyNames()).containsExactly("group-policy");
        GetUserPolicyResponse userPolicy = iam.getUserPolicy(r -> r.userName(user).policyName("a-policy"));
        assertThat(userPolicy.userName()).isEqualTo(user);
        assertThat(decoded(userPolicy.policyDocument())).isEqualTo(ALLOW_LIST_BUCKET);
        GetRolePolicyResponse rolePolicy = iam.getRolePolicy(r -> r.roleName(role).policyName("role-policy"));
        assertThat(rolePolicy.roleName()).isEqualTo(role);
        assertThat(rolePolicy.policyDocument()).contains("%20", "%0A").doesNotContain("+");
        assertThat(decoded(rolePolicy.policyDocument())).isEqualTo(pretty);
        GetGroupPolicyResponse groupPolicy = iam.getGroupPolicy(r -> r.groupName(group).policyName("group-policy"));
        assertThat(groupPolicy.groupName()).isEqualTo(group);

        iam.putUserPolicy(r -> r.userName(user).policyName("a-policy").policyDocument(pretty));
        assertThat(decoded(iam.getUserPolicy(r -> r.userName(user).policyName("a-policy")).policyDocument())).isEqualTo(pretty);

        iam.deleteUserPolicy(r -> r.userName(user).policyName("a-policy"));
        iam.deleteRolePolicy(r -> r.roleName(role).policyName("role-policy"));
        iam.deleteGroupPolicy(r -> r.groupName(group).policyName("group-policy"));

        assertThat(iam.listUserPolicies(r -> r.userName(user)).policyNames()).containsExactly("b-policy");
        assertThat(iam.listRolePolicies(r -> r.roleName(role)).policyNames()).isEmpty();
        assertThat(iam.listGroupPolicies(r -> r.groupName(group)).policyNames()).isEmpty();
    }

    @Test
    void inlinePolicyErrorsAreIams() {
        String user = unique("eu");
        String role = unique("er");
        String group = unique("eg");
        iam.createUser(r -> r.userName(user));
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        iam.createGroup(r -> r.groupName(group));

        assertIamError(() -> iam.getRolePolicy(r -> r.roleName(role).policyName("none")), NoSuchEntityException.class,
                "NoSuchEntity", 404, "The role policy with name none cannot be found.");
        assertIamError(() -> iam.deleteUserPolicy(r -> r.userName(user).policyName("none")), NoSuchEntityException.class,
                "NoSuchEntity", 404, "The user policy with name none cannot be found.");
        assertIamError(() -> iam.getGroupPolicy(r -> r.groupName(group).policyName("none")), NoSuchEntityException.class,
                "NoSuchEntity", 404, "The group policy with name none cannot be found.");
        assertIamError(() -> iam.putRolePolicy(r -> r.roleName("missing-" + role).policyName("p")
                        .policyDocument(ALLOW_LIST_BUCKET)), NoSuchEntityException.class, "NoSuchEntity", 404,
                "The role with name missing-" + role + " cannot be found.");
        assertIamError(() -> iam.putUserPolicy(r -> r.userName(user).policyName("p").policyDocument(" ")),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocument", 400, null);
        assertValidationError(() -> iam.putUserPolicy(r -> r.userName(user).policyName("bad name")
                        .policyDocument(ALLOW_LIST_BUCKET)),
                "1 validation error detected: Value at 'policyName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    /** IAM limits the total of an entity's inline policies: user 2,048, role 10,240, group 5,120 characters. */
    @Test
    void inlinePolicyTotalsAreLimitedPerKind() {
        String user = unique("lu");
        String role = unique("lr");
        String group = unique("lg");
        iam.createUser(r -> r.userName(user));
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        iam.createGroup(r -> r.groupName(group));
        String small = policyOfSize(1000);

        iam.putUserPolicy(r -> r.userName(user).policyName("one").policyDocument(small));
        iam.putUserPolicy(r -> r.userName(user).policyName("one").policyDocument(policyOfSize(2000)));
        assertIamError(() -> iam.putUserPolicy(r -> r.userName(user).policyName("two").policyDocument(small)),
                LimitExceededException.class, "LimitExceeded", 409,
                "Maximum policy size of 2048 bytes exceeded for user " + user);
        for (int i = 0; i < 5; i++) {
            String name = "p" + i;
            iam.putGroupPolicy(r -> r.groupName(group).policyName(name).policyDocument(small));
        }
        assertIamError(() -> iam.putGroupPolicy(r -> r.groupName(group).policyName("p5").policyDocument(small)),
                LimitExceededException.class, "LimitExceeded", 409,
                "Maximum policy size of 5120 bytes exceeded for group " + group);
        for (int i = 0; i < 10; i++) {
            String name = "p" + i;
            iam.putRolePolicy(r -> r.roleName(role).policyName(name).policyDocument(small));
        }
        assertIamError(() -> iam.putRolePolicy(r -> r.roleName(role).policyName("p10").policyDocument(small)),
                LimitExceededException.class, "LimitExceeded", 409,
                "Maximum policy size of 10240 bytes exceeded for role " + role);
        // Whitespace is not counted.
        iam.putUserPolicy(r -> r.userName(user).policyName("one").policyDocument(small.replace(",", ",\n      ")));
        iam.putUserPolicy(r -> r.userName(user).policyName("two").policyDocument(small));
    }
}
