package io.berth.iam;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IAM decides every request: users, assumed roles, session policies, PassRole, the root's limits. */
class EnforcementIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static IamClient iam;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        iam = berth.iam();
    }

    @AfterAll
    static void stop() {
        iam.close();
        berth.close();
    }

    static AwsBasicCredentials user(String name, String... inlinePolicies) {
        iam.createUser(r -> r.userName(name));
        for (int i = 0; i < inlinePolicies.length; i++) {
            int index = i;
            iam.putUserPolicy(r -> r.userName(name).policyName("p" + index).policyDocument(inlinePolicies[index]));
        }
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String errorCode(Throwable e) {
        return ((software.amazon.awssdk.awscore.exception.AwsServiceException) e).awsErrorDetails().errorCode();
    }

    @Test
    void aUserWithoutPoliciesMayDoNothing() {
        try (EcsClient ecs = berth.ecs(user("nobody"))) {
            assertThatThrownBy(ecs::listClusters).isInstanceOfSatisfying(EcsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/nobody "
                        + "is not authorized to perform: ecs:ListClusters on resource: *");
            });
        }
    }

    @Test
    void allowsAndExplicitDenysDecide() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"ecs:DeleteCluster\",\"Resource\":\"*\"}]}";
        try (EcsClient ecs = berth.ecs(user("operator", policy))) {
            ecs.createCluster(r -> r.clusterName("operated"));
            assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("operated")))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void requestTagsAreConditionKeys() {
        String onlyTagged = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"ecs:CreateCluster\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:RequestTag/team\":\"core\"},\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}}]}";
        try (EcsClient ecs = berth.ecs(user("tagger", onlyTagged))) {
            ecs.createCluster(r -> r.clusterName("tagged-ok").tags(t -> t.key("team").value("core")));
            assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("untagged")))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
            assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("other-team")
                    .tags(t -> t.key("team").value("web"))))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
            assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("extra-key").tags(
                    t -> t.key("team").value("core"), t -> t.key("cost").value("x"))))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void resourceTagsAreConditionKeys() {
        String devOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"ecs:DeleteCluster\",\"ecs:DescribeClusters\"],\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}}]}";
        try (EcsClient root = berth.ecs(); EcsClient ecs = berth.ecs(user("dev-only", devOnly))) {
            root.createCluster(r -> r.clusterName("env-dev").tags(t -> t.key("env").value("dev")));
            root.createCluster(r -> r.clusterName("env-prod").tags(t -> t.key("env").value("prod")));

            assertThat(ecs.describeClusters(r -> r.clusters("env-dev")).clusters()).hasSize(1);
            assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("env-prod")))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
            ecs.deleteCluster(r -> r.cluster("env-dev"));
            root.tagResource(r -> r.resourceArn(root.describeClusters(d -> d.clusters("env-prod")).clusters()
                    .getFirst().clusterArn()).tags(t -> t.key("env").value("dev")));
            ecs.deleteCluster(r -> r.cluster("env-prod"));
        }
    }

    @Test
    void logGroupTagsAreConditionKeysToo() {
        String devOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"logs:DeleteLogGroup\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:ResourceTag/env\":\"dev\"}}}]}";
        AwsBasicCredentials dev = user("dev-logs", devOnly);
        try (CloudWatchLogsClient root = berth.logs("us-east-1");
             CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(berth.endpoint())
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(dev)).build()) {
            root.createLogGroup(r -> r.logGroupName("env-dev").tags(java.util.Map.of("env", "dev")));
            root.createLogGroup(r -> r.logGroupName("env-prod").tags(java.util.Map.of("env", "prod")));

            assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("env-prod")))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
            logs.deleteLogGroup(r -> r.logGroupName("env-dev"));
        }
    }

    @Test
    void passRoleIsNeededToHandARoleToEcs() {
        String register = allow("ecs:RegisterTaskDefinition", "*");
        String role = "arn:aws:iam::000000000000:role/app";
        try (EcsClient without = berth.ecs(user("no-pass", register));
             EcsClient with = berth.ecs(user("may-pass", register, allow("iam:PassRole", role)))) {
            assertThatThrownBy(() -> without.registerTaskDefinition(r -> fargate(r.taskRoleArn(role))))
                    .satisfies(e -> assertThat(e).hasMessageContaining("iam:PassRole on resource: " + role));
            assertThat(with.registerTaskDefinition(r -> fargate(r.taskRoleArn(role))).taskDefinition().taskRoleArn())
                    .isEqualTo(role);
        }
    }

    private static void fargate(software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest.Builder r) {
        r.family("passed").requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("main").image("busybox"));
    }

    @Test
    void theSimulatorSaysWhy() {
        user("simulated", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
                + "\"Action\":\"ecs:Describe*\",\"Resource\":\"*\"},{\"Sid\":\"NoProd\",\"Effect\":\"Deny\","
                + "\"Action\":\"ecs:*\",\"Resource\":\"arn:aws:ecs:*:*:cluster/prod\"}]}");

        var results = iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::000000000000:user/simulated")
                .actionNames("ecs:DescribeClusters", "ecs:RunTask")
                .resourceArns("arn:aws:ecs:us-east-1:000000000000:cluster/dev",
                        "arn:aws:ecs:us-east-1:000000000000:cluster/prod")).evaluationResults();

        assertThat(results).extracting(r -> r.evalActionName() + " " + r.evalResourceName().substring(r.evalResourceName()
                .lastIndexOf('/') + 1) + " " + r.evalDecisionAsString()).containsExactly(
                "ecs:DescribeClusters dev allowed", "ecs:DescribeClusters prod explicitDeny",
                "ecs:RunTask dev implicitDeny", "ecs:RunTask prod explicitDeny");
        assertThat(results.getFirst().matchedStatements()).singleElement()
                .satisfies(m -> assertThat(m.sourcePolicyId()).endsWith("#p0"));
        var custom = iam.simulateCustomPolicy(r -> r.policyInputList(allow("logs:*", "*")).actionNames("logs:GetLogEvents",
                "ecs:ListClusters")).evaluationResults();
        assertThat(custom).extracting(r -> r.evalDecisionAsString()).containsExactly("allowed", "implicitDeny");
    }

    @Test
    void assumeRoleNeedsTheTrustPolicyAndGivesTheRolesPermissionsOnly() {
        AwsBasicCredentials alice = user("alice", allow("sts:AssumeRole", "*"));
        AwsBasicCredentials mallory = user("mallory", allow("sts:AssumeRole", "*"));
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::000000000000:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}";
        String roleArn = iam.createRole(r -> r.roleName("lister").assumeRolePolicyDocument(trust)).role().arn();
        iam.putRolePolicy(r -> r.roleName("lister").policyName("list").policyDocument(allow("ecs:ListClusters", "*")));

        try (StsClient asAlice = berth.sts(alice); StsClient asMallory = berth.sts(mallory); StsClient asRoot = berth.sts()) {
            assertThatThrownBy(() -> asMallory.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"));
            assertThatThrownBy(() -> asRoot.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")))
                    .satisfies(e -> assertThat(e).hasMessageContaining("Roles may not be assumed by root accounts."));
            assertThatThrownBy(() -> asAlice.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(7200)))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationError"));

            Credentials session = asAlice.assumeRole(r -> r.roleArn(roleArn).roleSessionName("work")).credentials();
            assertThat(session.accessKeyId()).startsWith("ASIA");
            AwsSessionCredentials temporary = AwsSessionCredentials.create(session.accessKeyId(),
                    session.secretAccessKey(), session.sessionToken());
            try (EcsClient ecs = berth.ecs(temporary); StsClient sts = berth.sts(temporary)) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/lister/work");
                ecs.listClusters();
                assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("nope")))
                        .satisfies(e -> assertThat(e).hasMessageContaining(
                                "User: arn:aws:sts::000000000000:assumed-role/lister/work is not authorized to perform: ecs:CreateCluster"));
            }
            AwsSessionCredentials forged = AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                    "not-the-token");
            try (EcsClient ecs = berth.ecs(forged)) {
                assertThatThrownBy(ecs::listClusters).satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnrecognizedClientException"));
            }

            String narrowing = allow("ecs:DescribeClusters", "*");
            Credentials narrowed = asAlice.assumeRole(r -> r.roleArn(roleArn).roleSessionName("narrow").policy(narrowing))
                    .credentials();
            try (EcsClient ecs = berth.ecs(AwsSessionCredentials.create(narrowed.accessKeyId(), narrowed.secretAccessKey(),
                    narrowed.sessionToken()))) {
                assertThatThrownBy(ecs::listClusters).satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
            }
        }
    }
}
