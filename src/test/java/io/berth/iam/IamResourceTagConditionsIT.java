package io.berth.iam;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IAM's own users, roles and policies answer aws:ResourceTag/… in policy conditions with their tags. */
class IamResourceTagConditionsIT {

    static final String TRUST_EC2 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static IamClient root;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        root = berth.iam();
    }

    @AfterAll
    static void stop() {
        root.close();
        berth.close();
    }

    /** A user allowed {@code actions} on every resource whose tag team is red, and an IAM client signed as it. */
    static IamClient redTeamOnly(String name, String... actions) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"red\"}}}]}";
        root.createUser(r -> r.userName(name));
        root.putUserPolicy(r -> r.userName(name).policyName("red-only").policyDocument(policy));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        return IamClient.builder().endpointOverride(berth.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
    }

    static void deniedAccess(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String action, String resource) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).endsWith("is not authorized to perform: " + action
                    + " on resource: " + resource);
        });
    }

    @Test
    void aRoleTaggedRedMayBeReadAndOneTaggedBlueNotUntilItIsRetagged() {
        root.createRole(r -> r.roleName("red-role").path("/apps/").assumeRolePolicyDocument(TRUST_EC2)
                .tags(t -> t.key("team").value("red")));
        String blueArn = root.createRole(r -> r.roleName("blue-role").assumeRolePolicyDocument(TRUST_EC2)
                .tags(t -> t.key("team").value("blue"))).role().arn();
        root.createRole(r -> r.roleName("untagged-role").assumeRolePolicyDocument(TRUST_EC2));

        try (IamClient iam = redTeamOnly("role-reader", "iam:GetRole")) {
            assertThat(iam.getRole(r -> r.roleName("red-role")).role().arn())
                    .isEqualTo("arn:aws:iam::000000000000:role/apps/red-role");
            deniedAccess(() -> iam.getRole(r -> r.roleName("blue-role")), "iam:GetRole", blueArn);
            deniedAccess(() -> iam.getRole(r -> r.roleName("untagged-role")), "iam:GetRole",
                    "arn:aws:iam::000000000000:role/untagged-role");

            root.tagRole(r -> r.roleName("blue-role").tags(t -> t.key("team").value("red")));
            assertThat(iam.getRole(r -> r.roleName("blue-role")).role().arn()).isEqualTo(blueArn);
        }
    }

    @Test
    void usersAndCustomerManagedPoliciesAnswerWithTheirTagsToo() {
        root.createUser(r -> r.userName("red-user").tags(t -> t.key("team").value("red")));
        root.createUser(r -> r.userName("blue-user").tags(t -> t.key("team").value("blue")));
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"*\"}]}";
        String redPolicy = root.createPolicy(r -> r.policyName("red-policy").policyDocument(document)
                .tags(t -> t.key("team").value("red"))).policy().arn();
        String bluePolicy = root.createPolicy(r -> r.policyName("blue-policy").path("/shared/").policyDocument(document)
                .tags(t -> t.key("team").value("blue"))).policy().arn();

        try (IamClient iam = redTeamOnly("entity-reader", "iam:GetUser", "iam:GetPolicy")) {
            assertThat(iam.getUser(r -> r.userName("red-user")).user().userName()).isEqualTo("red-user");
            deniedAccess(() -> iam.getUser(r -> r.userName("blue-user")), "iam:GetUser",
                    "arn:aws:iam::000000000000:user/blue-user");
            assertThat(iam.getPolicy(r -> r.policyArn(redPolicy)).policy().policyName()).isEqualTo("red-policy");
            deniedAccess(() -> iam.getPolicy(r -> r.policyArn(bluePolicy)), "iam:GetPolicy", bluePolicy);
        }
    }
}
