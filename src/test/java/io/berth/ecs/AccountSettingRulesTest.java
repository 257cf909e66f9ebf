package io.berth.ecs;

import io.berth.ecs.model.Setting;
import io.berth.edge.AwsException;
import io.berth.edge.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which account settings exist, which values they take, and how a principal's effective setting resolves. */
class AccountSettingRulesTest {

    private static final String ROOT = "arn:aws:iam::000000000000:root";
    private static final String ALICE = "arn:aws:iam::000000000000:user/alice";

    @ParameterizedTest
    @CsvSource({
            "awsvpcTrunking, enabled", "awsvpcTrunking, disabled",
            "containerInsights, enabled", "containerInsights, disabled", "containerInsights, enhanced",
            "serviceLongArnFormat, enabled", "taskLongArnFormat, enabled", "containerInstanceLongArnFormat, enabled",
            "dualStackIPv6, enabled", "fargateFIPSMode, disabled", "fargateEventWindows, enabled",
            "tagResourceAuthorization, on", "tagResourceAuthorization, off",
            "fargateTaskRetirementWaitPeriod, 0", "fargateTaskRetirementWaitPeriod, 7", "fargateTaskRetirementWaitPeriod, 14",
            "defaultLogDriverMode, blocking", "defaultLogDriverMode, non-blocking"})
    void acceptedValues(String name, String value) {
        assertThat(AccountSettingRules.validatePut(name, value, true).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "containerInsights | on | Invalid value on for setting containerInsights. Valid values are: enabled, disabled, enhanced.",
            "awsvpcTrunking | enhanced | Invalid value enhanced for setting awsvpcTrunking. Valid values are: enabled, disabled.",
            "tagResourceAuthorization | enabled | Invalid value enabled for setting tagResourceAuthorization. Valid values are: on, off.",
            "fargateTaskRetirementWaitPeriod | 3 | Invalid value 3 for setting fargateTaskRetirementWaitPeriod. Valid values are: 0, 7, 14.",
            "defaultLogDriverMode | fast | Invalid value fast for setting defaultLogDriverMode. Valid values are: blocking, non-blocking.",
            "serviceLongArnFormat | disabled | You can no longer disable Long Arn settings",
            "taskLongArnFormat | disabled | You can no longer disable Long Arn settings",
            "containerInstanceLongArnFormat | off | You can no longer disable Long Arn settings",
            "guardDutyActivate | on | guardDutyActivate is managed by AWS and cannot be changed."})
    void refusedValues(String name, String value, String message) {
        assertThatThrownBy(() -> AccountSettingRules.validatePut(name, value, true))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> AccountSettingRules.definition("containerLongArn"))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("containerLongArn should be one of [awsvpcTrunking,containerInsights,")
                .hasMessageEndingWith(",taskLongArnFormat]");
        assertThatThrownBy(() -> AccountSettingRules.validatePut(null, "enabled", true)).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> AccountSettingRules.validatePut("awsvpcTrunking", null, true))
                .hasMessage("value can not be blank.");
    }

    @Test
    void theFargateRetirementWaitPeriodIsTheRootUsersAlone() {
        assertThat(AccountSettingRules.validatePut("fargateTaskRetirementWaitPeriod", "14", true)).isNotNull();
        assertThatThrownBy(() -> AccountSettingRules.validatePut("fargateTaskRetirementWaitPeriod", "14", false))
                .hasMessage("You must use the root user to set fargateTaskRetirementWaitPeriod.");
        assertThat(AccountSettingRules.validatePut("containerInsights", "enabled", false)).isNotNull();
    }

    @Test
    void awsManagedSettingsCannotBeDeleted() {
        assertThatThrownBy(() -> AccountSettingRules.validateDelete("guardDutyActivate")).isInstanceOf(AwsException.class);
        assertThat(AccountSettingRules.validateDelete("containerInsights").type()).isEqualTo("user");
    }

    @Test
    void withNothingSetEveryoneHasEcsDefaultsReportedAsTheRootUsers() {
        List<Setting> settings = AccountSettingRules.effective(ALICE, ROOT, Map.of(), Map.of());

        assertThat(settings).extracting(Setting::name).isSorted().hasSize(AccountSettingRules.DEFINITIONS.size());
        assertThat(settings).extracting(Setting::principalArn).containsOnly(ROOT);
        assertThat(settings).contains(
                new Setting("containerInsights", "disabled", ROOT, "user"),
                new Setting("serviceLongArnFormat", "enabled", ROOT, "user"),
                new Setting("fargateTaskRetirementWaitPeriod", "7", ROOT, "user"),
                new Setting("tagResourceAuthorization", "on", ROOT, "user"),
                new Setting("defaultLogDriverMode", "non-blocking", ROOT, "user"),
                new Setting("guardDutyActivate", "off", ROOT, "aws_managed"));
    }

    @Test
    void aPrincipalsOwnSettingWinsOverTheAccountDefaultWhichWinsOverEcs() {
        Map<String, String> own = Map.of("containerInsights", "enhanced");
        Map<String, String> defaults = Map.of("containerInsights", "enabled", "awsvpcTrunking", "enabled");

        List<Setting> alice = AccountSettingRules.effective(ALICE, ROOT, own, defaults);

        assertThat(alice).contains(
                new Setting("containerInsights", "enhanced", ALICE, "user"),
                new Setting("awsvpcTrunking", "enabled", ROOT, "user"),
                new Setting("dualStackIPv6", "disabled", ROOT, "user"));
        assertThat(AccountSettingRules.effective(ROOT, ROOT, defaults, defaults))
                .contains(new Setting("containerInsights", "enabled", ROOT, "user"));
    }

    @Test
    void roleSessionsShareTheirRolesSettings() {
        Principal session = new Principal(Principal.Kind.ASSUMED_ROLE, "000000000000",
                "arn:aws:sts::000000000000:assumed-role/deployer/ci-run-7", "AROAEXAMPLE:ci-run-7", "ASIAEXAMPLE");

        assertThat(AccountSettings.callerArn(session)).isEqualTo("arn:aws:iam::000000000000:role/deployer");
        assertThat(AccountSettings.callerArn(Principal.root("000000000000", "AKIA"))).isEqualTo(ROOT);
    }
}
