package io.berth.iam;

import io.berth.TestBerth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trust policies name users and roles as IAM keeps them: one that does not exist is refused, one
 * that is deleted shows as its unique id, and a new user or role of the same name is not trusted.
 */
class TrustPrincipalsIT extends IamItSupport {

    private static final String ASSUME_ANY_ROLE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";

    static String trusting(String principal) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(principal);
    }

    static String invalidPrincipal(String arn) {
        return "Invalid principal in policy: \"AWS\":\"" + arn + "\"";
    }

    /** A user allowed to assume roles, with an access key. */
    static AwsBasicCredentials assumer(IamClient iam, String name) {
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("assume").policyDocument(ASSUME_ANY_ROLE));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /** Deletes a user made by {@link #assumer}, with what IAM requires gone first. */
    static void delete(IamClient iam, String name) {
        iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata()
                .forEach(key -> iam.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId())));
        iam.deleteUserPolicy(r -> r.userName(name).policyName("assume"));
        iam.deleteUser(r -> r.userName(name));
    }

    static String trustPolicyOf(IamClient iam, String roleName) {
        return decoded(iam.getRole(r -> r.roleName(roleName)).role().assumeRolePolicyDocument());
    }

    static void assertAssumeRoleDenied(StsClient sts, String callerArn, String roleArn) {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("again")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + callerArn
                            + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
                });
    }

    @Test
    void aRoleTrustingAUserOrRoleThatDoesNotExistIsNotCreated() {
        for (String missing : new String[] {"arn:aws:iam::" + ACCOUNT + ":user/nobody",
                "arn:aws:iam::" + ACCOUNT + ":role/missing"}) {
            String name = unique("refused");

            assertIamError(() -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trusting(missing))),
                    MalformedPolicyDocumentException.class, "MalformedPolicyDocument", 400, invalidPrincipal(missing));

            assertIamError(() -> iam.getRole(r -> r.roleName(name)), NoSuchEntityException.class, "NoSuchEntity", 404,
                    "The role with name " + name + " cannot be found.");
        }
    }

    @Test
    void accountsServicesSessionsAndOtherAccountsAreTrustedAsWritten() {
        String name = unique("open");
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["%1$s","arn:aws:iam::%1$s:root",
                "arn:aws:iam::210987654321:user/elsewhere","arn:aws:sts::%1$s:assumed-role/gone/session"],
                "Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""".formatted(ACCOUNT);

        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust));

        assertThat(trustPolicyOf(iam, name)).isEqualTo(trust);
    }

    @Test
    void anUpdateNamingAUserThatDoesNotExistChangesNothing() {
        String name = unique("kept");
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_EC2));
        String nobody = "arn:aws:iam::" + ACCOUNT + ":user/nobody";

        assertIamError(() -> iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(trusting(nobody))),
                MalformedPolicyDocumentException.class, "MalformedPolicyDocument", 400, invalidPrincipal(nobody));

        assertThat(trustPolicyOf(iam, name)).isEqualTo(TRUST_EC2);
    }

    @Test
    void aDeletedUserIsShownByItsIdAndANewUserOfTheSameNameIsNotTrusted() {
        String userName = unique("deployer");
        String roleName = unique("deploy");
        AwsBasicCredentials first = assumer(iam, userName);
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/" + userName;
        String userId = iam.getUser(r -> r.userName(userName)).user().userId();
        String roleArn = iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trusting(userArn))).role().arn();
        try (StsClient sts = berth.sts(first)) {
            assertThat(sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("first")).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/first");
        }
        assertThat(trustPolicyOf(iam, roleName)).isEqualTo(trusting(userArn));

        delete(iam, userName);

        assertThat(userId).startsWith("AIDA").hasSize(21);
        assertThat(trustPolicyOf(iam, roleName)).isEqualTo(trusting(userId));
        assertThat(iam.listRoles().roles()).filteredOn(role -> role.roleName().equals(roleName)).singleElement()
                .extracting(Role::assumeRolePolicyDocument).extracting(IamItSupport::decoded).isEqualTo(trusting(userId));

        AwsBasicCredentials namesake = assumer(iam, userName);
        assertThat(trustPolicyOf(iam, roleName)).as("still the old id").isEqualTo(trusting(userId));
        try (StsClient sts = berth.sts(namesake)) {
            assertAssumeRoleDenied(sts, userArn, roleArn);
        }
    }

    @Test
    void aDeletedRoleIsShownByItsId() {
        String trustedName = unique("trusted");
        String roleName = unique("trusting");
        String trustedArn = iam.createRole(r -> r.roleName(trustedName).assumeRolePolicyDocument(TRUST_EC2)).role().arn();
        String trustedId = iam.getRole(r -> r.roleName(trustedName)).role().roleId();
        iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_EC2));
        iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trusting(trustedArn)));
        assertThat(trustPolicyOf(iam, roleName)).isEqualTo(trusting(trustedArn));

        iam.deleteRole(r -> r.roleName(trustedName));
        iam.createRole(r -> r.roleName(trustedName).assumeRolePolicyDocument(TRUST_EC2));

        assertThat(trustedId).startsWith("AROA");
        assertThat(trustPolicyOf(iam, roleName)).isEqualTo(trusting(trustedId));
    }

    @Test
    void whatATrustPolicyNamesOutlivesARestart(@TempDir Path dataDir) {
        String roleArn;
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/operator";
        AwsBasicCredentials operator;
        String userId;
        try (TestBerth first = TestBerth.start(dataDir); IamClient iam = first.iam()) {
            operator = assumer(iam, "operator");
            userId = iam.getUser(r -> r.userName("operator")).user().userId();
            roleArn = iam.createRole(r -> r.roleName("ops").assumeRolePolicyDocument(trusting(userArn))).role().arn();
        }
        try (TestBerth second = TestBerth.start(dataDir); IamClient iam = second.iam(); StsClient sts = second.sts(operator)) {
            assertThat(trustPolicyOf(iam, "ops")).isEqualTo(trusting(userArn));
            sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("after-restart"));
            delete(iam, "operator");
        }
        try (TestBerth third = TestBerth.start(dataDir); IamClient iam = third.iam()) {
            assertThat(trustPolicyOf(iam, "ops")).isEqualTo(trusting(userId));
            AwsBasicCredentials namesake = assumer(iam, "operator");
            try (StsClient sts = third.sts(namesake)) {
                assertAssumeRoleDenied(sts, userArn, roleArn);
            }
        }
    }
}
