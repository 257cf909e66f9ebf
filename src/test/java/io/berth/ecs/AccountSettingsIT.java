package io.berth.ecs;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Account settings per principal and account default, as ECS keeps them. Each test works on
 * settings of its own, or in a Berth of its own region, since they share one account.
 */
class AccountSettingsIT {

    static final String ROOT = "arn:aws:iam::000000000000:root";

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static IamClient iam;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        iam = berth.iam();
    }

    @AfterAll
    static void stop() {
        iam.close();
        ecs.close();
        berth.close();
    }

    /** An IAM user allowed every ECS action, and its credentials. */
    static AwsBasicCredentials ecsUser(String name) {
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("ecs").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"}]}"));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static String message(Throwable e) {
        return ((InvalidParameterException) e).awsErrorDetails().errorMessage();
    }

    @Test
    void effectiveSettingsStartAtEcsDefaultsAndPageByTen() {
        try (EcsClient west = berth.ecs("eu-west-3", TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY)) {
            ListAccountSettingsResponse first = west.listAccountSettings(r -> r.effectiveSettings(true));
            ListAccountSettingsResponse second = west.listAccountSettings(r -> r.effectiveSettings(true)
                    .nextToken(first.nextToken()));

            assertThat(first.settings()).hasSize(10);
            assertThat(first.nextToken()).isNotNull();
            assertThat(second.nextToken()).isNull();
            List<Setting> all = new ArrayList<>(first.settings());
            all.addAll(second.settings());
            assertThat(all).extracting(Setting::nameAsString).isSorted().doesNotHaveDuplicates()
                    .contains("awsvpcTrunking", "containerInsights", "serviceLongArnFormat", "taskLongArnFormat",
                            "containerInstanceLongArnFormat", "dualStackIPv6", "fargateFIPSMode",
                            "tagResourceAuthorization", "fargateTaskRetirementWaitPeriod", "guardDutyActivate",
                            "defaultLogDriverMode");
            assertThat(all).extracting(Setting::principalArn).containsOnly(ROOT);
            assertThat(all).filteredOn(s -> s.nameAsString().equals("fargateTaskRetirementWaitPeriod"))
                    .extracting(Setting::value).containsExactly("7");
            assertThat(all).filteredOn(s -> s.nameAsString().equals("guardDutyActivate"))
                    .extracting(Setting::typeAsString).containsExactly("aws_managed");
            // Without effectiveSettings only what was set explicitly is listed: nothing yet.
            assertThat(west.listAccountSettings(r -> { }).settings()).isEmpty();
            assertThatThrownBy(() -> west.listAccountSettings(r -> r.maxResults(11)))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void theAccountDefaultAppliesToUsersUntilTheySetTheirOwn() {
        AwsBasicCredentials alice = ecsUser("alice");
        String aliceArn = "arn:aws:iam::000000000000:user/alice";
        try (EcsClient asAlice = berth.ecs(alice)) {
            Setting defaulted = ecs.putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"))
                    .setting();
            assertThat(defaulted).isEqualTo(Setting.builder().name(SettingName.AWSVPC_TRUNKING).value("enabled")
                    .principalArn(ROOT).type("user").build());

            assertThat(asAlice.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING).effectiveSettings(true))
                    .settings()).singleElement().satisfies(s -> {
                        assertThat(s.value()).isEqualTo("enabled");
                        assertThat(s.principalArn()).isEqualTo(ROOT);
                    });

            Setting own = asAlice.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("disabled")).setting();
            assertThat(own.principalArn()).isEqualTo(aliceArn);
            assertThat(asAlice.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING).effectiveSettings(true))
                    .settings()).singleElement().satisfies(s -> {
                        assertThat(s.value()).isEqualTo("disabled");
                        assertThat(s.principalArn()).isEqualTo(aliceArn);
                    });
            assertThat(ecs.listAccountSettings(r -> r.principalArn(aliceArn)).settings())
                    .extracting(Setting::nameAsString, Setting::value).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("awsvpcTrunking", "disabled"));
            assertThat(ecs.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled")).settings())
                    .extracting(Setting::principalArn).containsExactly(ROOT);

            Setting deleted = ecs.deleteAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).principalArn(aliceArn))
                    .setting();
            assertThat(deleted.value()).isEqualTo("disabled");
            assertThat(deleted.principalArn()).isEqualTo(aliceArn);
            assertThat(asAlice.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING).effectiveSettings(true))
                    .settings()).extracting(Setting::value).containsExactly("enabled");
        } finally {
            ecs.deleteAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING));
        }
    }

    @Test
    void valuesAreCheckedPerSetting() {
        assertThatThrownBy(() -> ecs.putAccountSettingDefault(r -> r.name(SettingName.SERVICE_LONG_ARN_FORMAT)
                .value("disabled"))).satisfies(e -> assertThat(message(e))
                .isEqualTo("You can no longer disable Long Arn settings"));
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .value("3"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .value("14").principalArn("arn:aws:iam::000000000000:user/bob")))
                .satisfies(e -> assertThat(message(e)).contains("root user"));
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.GUARD_DUTY_ACTIVATE).value("on")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name("containerLongArn").value("enabled")))
                .satisfies(e -> assertThat(message(e)).startsWith("containerLongArn should be one of ["));
        assertThatThrownBy(() -> ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("on")
                .principalArn("arn:aws:iam::111111111111:user/elsewhere")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.listAccountSettings(r -> r.value("enabled")))
                .isInstanceOf(InvalidParameterException.class);

        assertThat(ecs.putAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14"))
                .setting().principalArn()).isEqualTo(ROOT);
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .effectiveSettings(true)).settings()).extracting(Setting::value).containsExactly("14");
        ecs.deleteAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD));
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .effectiveSettings(true)).settings()).extracting(Setting::value).containsExactly("7");
    }

    @Test
    void newClustersGetContainerInsightsAsTheAccountSettingSays() {
        try (EcsClient south = berth.ecs("ap-south-1", TestBerth.ACCESS_KEY, TestBerth.SECRET_KEY)) {
            assertThat(south.createCluster(r -> r.clusterName("before")).cluster().settings()).containsExactly(
                    ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build());

            south.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"));

            assertThat(south.createCluster(r -> r.clusterName("after")).cluster().settings()).containsExactly(
                    ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build());
            assertThat(south.createCluster(r -> r.clusterName("explicit").settings(ClusterSetting.builder()
                    .name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build())).cluster().settings())
                    .extracting(ClusterSetting::value).containsExactly("disabled");
            assertThat(south.describeClusters(r -> r.clusters("before").include(
                    software.amazon.awssdk.services.ecs.model.ClusterField.SETTINGS)).clusters().getFirst().settings())
                    .extracting(ClusterSetting::value).containsExactly("disabled");
        }
    }
}
