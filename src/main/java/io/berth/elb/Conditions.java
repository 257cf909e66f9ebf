package io.berth.elb;

import io.berth.elb.ElbMessages.HttpHeaderConditionConfig;
import io.berth.elb.ElbMessages.QueryStringConditionConfig;
import io.berth.elb.ElbMessages.QueryStringKeyValuePair;
import io.berth.elb.ElbMessages.RuleCondition;
import io.berth.elb.ElbMessages.ValuesConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The conditions of a rule as ELB checks them: path-pattern, host-header, http-header,
 * http-request-method, query-string and source-ip, given by {@code Values} (path and host only)
 * or by the field's own configuration, at most five values in a rule and each field once (but
 * http-header per header name). Answered as ELB describes them: both forms for path and host.
 */
final class Conditions {

    static final int MAX_VALUES = 5;
    private static final List<String> FIELDS = List.of("http-header", "http-request-method", "host-header",
            "path-pattern", "query-string", "source-ip");
    private static final Pattern METHOD = Pattern.compile("[A-Z_-]{1,40}");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}|[0-9a-fA-F:]+/\\d{1,3}");

    private Conditions() {
    }

    static List<RuleCondition> check(List<RuleCondition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw ElbErrors.validation("A rule must have at least one condition");
        }
        List<RuleCondition> checked = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        int values = 0;
        for (int i = 0; i < conditions.size(); i++) {
            RuleCondition condition = conditions.get(i);
            String field = condition.field();
            if (field == null) {
                throw ElbErrors.required("conditions." + (i + 1) + ".member.field");
            }
            if (!FIELDS.contains(field)) {
                throw ElbErrors.validation("Condition field '" + field + "' must be one of '" + FIELDS + "'");
            }
            RuleCondition one = checkOne(condition);
            String key = field.equals("http-header") ? field + ":" + one.httpHeaderConfig().httpHeaderName().toLowerCase()
                    : field;
            if (fields.contains(key)) {
                throw ElbErrors.validation("A rule can only have one '" + field + "' condition");
            }
            fields.add(key);
            values += count(one);
            checked.add(one);
        }
        if (values > MAX_VALUES) {
            throw ElbErrors.validation("A rule can only have '" + MAX_VALUES + "' condition values");
        }
        return List.copyOf(checked);
    }

    private static RuleCondition checkOne(RuleCondition c) {
        String field = c.field();
        return switch (field) {
            case "path-pattern", "host-header" -> {
                ValuesConfig config = field.equals("path-pattern") ? c.pathPatternConfig() : c.hostHeaderConfig();
                List<String> values = config != null ? config.values() : c.values();
                if (config != null && c.values() != null && !c.values().equals(config.values())) {
                    throw ElbErrors.validation("You cannot specify both 'Values' and '" + (field.equals("path-pattern")
                            ? "PathPatternConfig" : "HostHeaderConfig") + "' with different values");
                }
                values = nonEmpty(field, values, 128);
                ValuesConfig both = new ValuesConfig(values);
                yield field.equals("path-pattern")
                        ? new RuleCondition(field, values, null, both, null, null, null, null)
                        : new RuleCondition(field, values, both, null, null, null, null, null);
            }
            case "http-header" -> {
                noValues(c);
                HttpHeaderConditionConfig config = c.httpHeaderConfig();
                if (config == null || config.httpHeaderName() == null || config.httpHeaderName().isEmpty()) {
                    throw ElbErrors.validation("An http-header condition must have an HttpHeaderConfig with a header name");
                }
                yield new RuleCondition(field, null, null, null,
                        new HttpHeaderConditionConfig(config.httpHeaderName(), nonEmpty(field, config.values(), 128)),
                        null, null, null);
            }
            case "http-request-method" -> {
                noValues(c);
                List<String> methods = nonEmpty(field, c.httpRequestMethodConfig() == null ? null
                        : c.httpRequestMethodConfig().values(), 40);
                methods.stream().filter(m -> !METHOD.matcher(m).matches()).findFirst().ifPresent(m -> {
                    throw ElbErrors.validation("HTTP request method '" + m + "' must contain only A-Z, hyphen (-) and underscore (_)");
                });
                yield new RuleCondition(field, null, null, null, null, null, new ValuesConfig(methods), null);
            }
            case "source-ip" -> {
                noValues(c);
                List<String> cidrs = nonEmpty(field, c.sourceIpConfig() == null ? null : c.sourceIpConfig().values(), 64);
                cidrs.stream().filter(v -> !CIDR.matcher(v).matches()).findFirst().ifPresent(v -> {
                    throw ElbErrors.validation("Source IP '" + v + "' must be a CIDR block, such as 192.0.2.0/24");
                });
                yield new RuleCondition(field, null, null, null, null, null, null, new ValuesConfig(cidrs));
            }
            default -> {
                noValues(c);
                QueryStringConditionConfig config = c.queryStringConfig();
                if (config == null || config.values() == null || config.values().isEmpty()) {
                    throw ElbErrors.validation("A query-string condition must have at least one key/value pair");
                }
                for (QueryStringKeyValuePair pair : config.values()) {
                    if (pair.value() == null || pair.value().isEmpty()) {
                        throw ElbErrors.validation("A query-string condition's value must not be empty");
                    }
                }
                yield new RuleCondition(field, null, null, null, null, config, null, null);
            }
        };
    }

    private static void noValues(RuleCondition c) {
        if (c.values() != null && !c.values().isEmpty()) {
            throw ElbErrors.validation("'Values' can only be used with the 'host-header' and 'path-pattern' fields; "
                    + "use the '" + c.field() + "' configuration");
        }
    }

    private static List<String> nonEmpty(String field, List<String> values, int maxLength) {
        if (values == null || values.isEmpty()) {
            throw ElbErrors.validation("A '" + field + "' condition must have at least one value");
        }
        for (String value : values) {
            if (value == null || value.isEmpty() || value.length() > maxLength) {
                throw ElbErrors.validation("A '" + field + "' condition value must be 1 to " + maxLength + " characters long");
            }
        }
        return List.copyOf(values);
    }

    private static int count(RuleCondition c) {
        if (c.values() != null) {
            return c.values().size();
        }
        if (c.httpHeaderConfig() != null) {
            return c.httpHeaderConfig().values().size();
        }
        if (c.httpRequestMethodConfig() != null) {
            return c.httpRequestMethodConfig().values().size();
        }
        if (c.sourceIpConfig() != null) {
            return c.sourceIpConfig().values().size();
        }
        return c.queryStringConfig().values().size();
    }
}
