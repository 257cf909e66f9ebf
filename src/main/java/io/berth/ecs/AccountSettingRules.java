package io.berth.ecs;

import io.berth.ecs.model.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS account settings without I/O: which exist, the values each takes, ECS's default for
 * each, and how a principal's effective setting resolves (its own, else the account default the
 * root user set, else ECS's default).
 */
final class AccountSettingRules {

    /** Settings the user manages; AWS manages the rest and they are read-only. */
    static final String USER = "user";
    static final String AWS_MANAGED = "aws_managed";
    static final String FARGATE_TASK_RETIREMENT_WAIT_PERIOD = "fargateTaskRetirementWaitPeriod";
    static final String CONTAINER_INSIGHTS = "containerInsights";

    /** One account setting: its ECS default and accepted values. */
    record Definition(String name, String defaultValue, List<String> values, String type) {
    }

    /** Every setting ECS knows, in name order (the order ListAccountSettings answers in). */
    static final List<Definition> DEFINITIONS = List.of(
            new Definition("awsvpcTrunking", "disabled", List.of("enabled", "disabled"), USER),
            new Definition(CONTAINER_INSIGHTS, "disabled", List.of("enabled", "disabled", "enhanced"), USER),
            new Definition("containerInstanceLongArnFormat", "enabled", List.of("enabled"), USER),
            new Definition("defaultLogDriverMode", "non-blocking", List.of("blocking", "non-blocking"), USER),
            new Definition("dualStackIPv6", "disabled", List.of("enabled", "disabled"), USER),
            new Definition("fargateEventWindows", "disabled", List.of("enabled", "disabled"), USER),
            new Definition("fargateFIPSMode", "disabled", List.of("enabled", "disabled"), USER),
            new Definition(FARGATE_TASK_RETIREMENT_WAIT_PERIOD, "7", List.of("0", "7", "14"), USER),
            new Definition("guardDutyActivate", "off", List.of("on", "off"), AWS_MANAGED),
            new Definition("serviceLongArnFormat", "enabled", List.of("enabled"), USER),
            new Definition("tagResourceAuthorization", "on", List.of("on", "off"), USER),
            new Definition("taskLongArnFormat", "enabled", List.of("enabled"), USER));

    private AccountSettingRules() {
    }

    /** The named setting, or ECS's error for a name it does not know. */
    static Definition definition(String name) {
        if (name == null || name.isEmpty()) {
            throw EcsErrors.invalidParameter("name can not be blank.");
        }
        return DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> EcsErrors.invalidParameter(name + " should be one of ["
                        + String.join(",", DEFINITIONS.stream().map(Definition::name).toList()) + "]"));
    }

    /**
     * Checks that {@code value} may be set for {@code name} on the principal {@code target}.
     *
     * @param targetIsRoot whether the setting is the account default (the root user's)
     */
    static Definition validatePut(String name, String value, boolean targetIsRoot) {
        Definition definition = definition(name);
        if (AWS_MANAGED.equals(definition.type())) {
            throw EcsErrors.invalidParameter(name + " is managed by AWS and cannot be changed.");
        }
        if (value == null || value.isEmpty()) {
            throw EcsErrors.invalidParameter("value can not be blank.");
        }
        if (name.endsWith("LongArnFormat") && !value.equals("enabled")) {
            // ECS made the long ARN format mandatory for everyone; opting out is refused.
            throw EcsErrors.invalidParameter("You can no longer disable Long Arn settings");
        }
        if (!definition.values().contains(value)) {
            throw EcsErrors.invalidParameter("Invalid value " + value + " for setting " + name
                    + ". Valid values are: " + String.join(", ", definition.values()) + ".");
        }
        if (name.equals(FARGATE_TASK_RETIREMENT_WAIT_PERIOD) && !targetIsRoot) {
            throw EcsErrors.invalidParameter("You must use the root user to set " + name + ".");
        }
        return definition;
    }

    /** Checks that a setting may be deleted: AWS-managed ones cannot be. */
    static Definition validateDelete(String name) {
        Definition definition = definition(name);
        if (AWS_MANAGED.equals(definition.type())) {
            throw EcsErrors.invalidParameter(name + " is managed by AWS and cannot be changed.");
        }
        return definition;
    }

    /**
     * The effective settings of a principal, in name order: its own where it set one, else the
     * account default (the root user's), else ECS's default, reported as the root user's.
     *
     * @param own      the principal's own settings by name
     * @param defaults the root user's settings by name (the account defaults)
     */
    static List<Setting> effective(String principalArn, String rootArn, Map<String, String> own,
                                   Map<String, String> defaults) {
        List<Setting> settings = new ArrayList<>();
        for (Definition definition : DEFINITIONS) {
            settings.add(effective(definition, principalArn, rootArn, own, defaults));
        }
        return settings;
    }

    static Setting effective(Definition definition, String principalArn, String rootArn, Map<String, String> own,
                             Map<String, String> defaults) {
        String name = definition.name();
        if (own.containsKey(name)) {
            return new Setting(name, own.get(name), principalArn, definition.type());
        }
        String value = Optional.ofNullable(defaults.get(name)).orElse(definition.defaultValue());
        return new Setting(name, value, rootArn, definition.type());
    }
}
