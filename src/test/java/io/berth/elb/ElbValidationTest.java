package io.berth.elb;

import io.berth.edge.AwsException;
import io.berth.elb.ElbMessages.HttpHeaderConditionConfig;
import io.berth.elb.ElbMessages.Matcher;
import io.berth.elb.ElbMessages.RuleCondition;
import io.berth.elb.ElbMessages.Tag;
import io.berth.elb.ElbMessages.TargetGroupAttribute;
import io.berth.elb.ElbMessages.ValuesConfig;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ELBv2's rules on names, health checks, attributes, conditions and tags, without a store. */
class ElbValidationTest {

    static final HealthChecks.Given NOTHING = new HealthChecks.Given(null, null, null, null, null, null, null, null, null);

    static void refused(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "a", "my-alb-01", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void loadBalancerNamesElbAccepts(String name) {
        assertThat(LoadBalancers.validName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"-web,cannot begin or end with a hyphen", "web-,cannot begin or end with a hyphen",
            "internal-web,cannot begin with 'internal-'", "we_b,alphanumeric characters or hyphens",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456,cannot be longer than '32' characters"})
    void loadBalancerNamesElbRefuses(String name, String message) {
        refused(() -> LoadBalancers.validName(name), "ValidationError", message);
    }

    @Test
    void aMissingNameIsTheModelsError() {
        refused(() -> TargetGroups.validName(null), "ValidationError",
                "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
        refused(() -> TargetGroups.validName("tg-"), "ValidationError", "cannot begin or end with '-'");
    }

    @Test
    void dnsNamesFollowElbsFormPerTypeAndScheme() {
        assertThat(LoadBalancers.dnsName("us-east-1", "application", "internet-facing", "web", "000000ff12345678"))
                .isEqualTo("web-255.us-east-1.elb.amazonaws.com");
        assertThat(LoadBalancers.dnsName("eu-west-1", "application", "internal", "web", "000000ff12345678"))
                .isEqualTo("internal-web-255.eu-west-1.elb.amazonaws.com");
        assertThat(LoadBalancers.dnsName("us-east-1", "network", "internet-facing", "tcp", "0123456789abcdef"))
                .isEqualTo("tcp-0123456789abcdef.elb.us-east-1.amazonaws.com");
    }

    @Test
    void healthChecksTakeElbsDefaultsPerProtocol() {
        assertThat(HealthChecks.apply(HealthChecks.defaults("HTTP", "ip"), NOTHING, "HTTP"))
                .isEqualTo(new Stored.HealthCheck("HTTP", "traffic-port", true, "/", 30, 5, 5, 2, new Stored.Matcher("200", null)));
        assertThat(HealthChecks.apply(HealthChecks.defaults("TCP", "ip"), NOTHING, "TCP"))
                .isEqualTo(new Stored.HealthCheck("TCP", "traffic-port", true, null, 30, 10, 5, 2, null));
        assertThat(HealthChecks.apply(HealthChecks.defaults("TCP", "ip"),
                new HealthChecks.Given("HTTP", "8081", null, null, null, null, null, null, null), "TCP"))
                .isEqualTo(new Stored.HealthCheck("HTTP", "8081", true, "/", 30, 10, 5, 2, new Stored.Matcher("200", null)));
    }

    @Test
    void healthChecksOutOfElbsBoundsAreRefused() {
        Stored.HealthCheck http = HealthChecks.defaults("HTTP", "ip");
        refused(() -> HealthChecks.apply(http, given(4, null, null), "HTTP"), "ValidationError",
                "Value '4' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5");
        refused(() -> HealthChecks.apply(http, given(null, 121, null), "HTTP"), "ValidationError",
                "Member must have value less than or equal to 120");
        refused(() -> HealthChecks.apply(http, given(null, null, 11), "HTTP"), "ValidationError",
                "Value '11' at 'healthyThresholdCount'");
        refused(() -> HealthChecks.apply(http, given(10, 10, null), "HTTP"), "InvalidConfigurationRequest",
                "Health check interval must be greater than the timeout.");
        refused(() -> HealthChecks.apply(http, new HealthChecks.Given(null, null, null, "health", null, null, null, null, null),
                "HTTP"), "ValidationError", "must begin with '/'");
        refused(() -> HealthChecks.apply(http, new HealthChecks.Given(null, "0", null, null, null, null, null, null, null),
                "HTTP"), "ValidationError", "Health check port '0'");
        refused(() -> HealthChecks.apply(http, new HealthChecks.Given("TCP", null, null, null, null, null, null, null, null),
                "HTTP"), "InvalidConfigurationRequest", "Health check protocol 'TCP'");
        refused(() -> HealthChecks.apply(HealthChecks.defaults("TCP", "ip"),
                new HealthChecks.Given(null, null, null, "/x", null, null, null, null, null), "TCP"),
                "InvalidConfigurationRequest", "Health check path is not supported");
        for (String codes : List.of("199", "500", "200-", "abc")) {
            refused(() -> HealthChecks.apply(http, new HealthChecks.Given(null, null, null, null, null, null, null, null,
                    new Matcher(codes, null)), "HTTP"), "ValidationError", "Health check matcher HTTP code");
        }
        assertThat(HealthChecks.apply(http, new HealthChecks.Given(null, null, null, null, null, null, null, null,
                new Matcher("200,301-399", null)), "HTTP").matcher().httpCode()).isEqualTo("200,301-399");
    }

    static HealthChecks.Given given(Integer interval, Integer timeout, Integer healthy) {
        return new HealthChecks.Given(null, null, null, null, interval, timeout, healthy, null, null);
    }

    @Test
    void attributesHaveElbsDefaultsAndAcceptedValues() {
        Map<String, String> http = TargetGroupAttributes.defaults("HTTP", "ip");
        assertThat(http).containsEntry("deregistration_delay.timeout_seconds", "300")
                .containsEntry("stickiness.type", "lb_cookie").containsEntry("load_balancing.algorithm.type", "round_robin");
        assertThat(TargetGroupAttributes.defaults("TCP", "ip")).containsEntry("stickiness.type", "source_ip")
                .containsEntry("preserve_client_ip.enabled", "false").doesNotContainKey("load_balancing.algorithm.type");

        assertThat(TargetGroupAttributes.modify(http, List.of(attribute("deregistration_delay.timeout_seconds", "0"),
                attribute("stickiness.enabled", "true"), attribute("stickiness.type", "app_cookie"),
                attribute("slow_start.duration_seconds", "30")), "HTTP"))
                .containsEntry("deregistration_delay.timeout_seconds", "0").containsEntry("stickiness.type", "app_cookie");
        for (TargetGroupAttribute bad : List.of(attribute("deregistration_delay.timeout_seconds", "3601"),
                attribute("deregistration_delay.timeout_seconds", "soon"), attribute("stickiness.enabled", "yes"),
                attribute("stickiness.type", "source_ip"), attribute("load_balancing.algorithm.type", "random"),
                attribute("slow_start.duration_seconds", "10"), attribute("proxy_protocol_v2.enabled", "true"))) {
            refused(() -> TargetGroupAttributes.modify(http, List.of(bad), "HTTP"), "ValidationError", bad.key());
        }
    }

    static TargetGroupAttribute attribute(String key, String value) {
        return new TargetGroupAttribute(key, value);
    }

    @Test
    void conditionsAreCheckedAndAnsweredInBothForms() {
        List<RuleCondition> checked = Conditions.check(List.of(
                new RuleCondition("path-pattern", List.of("/api/*"), null, null, null, null, null, null),
                new RuleCondition("http-header", null, null, null, new HttpHeaderConditionConfig("X-Env", List.of("dev")),
                        null, null, null)));
        assertThat(checked.getFirst().pathPatternConfig()).isEqualTo(new ValuesConfig(List.of("/api/*")));
        assertThat(checked.getFirst().values()).containsExactly("/api/*");

        refused(() -> Conditions.check(List.of()), "ValidationError", "at least one condition");
        refused(() -> Conditions.check(List.of(new RuleCondition("cookie", List.of("a"), null, null, null, null, null,
                null))), "ValidationError", "Condition field 'cookie' must be one of");
        refused(() -> Conditions.check(List.of(new RuleCondition("source-ip", List.of("10.0.0.0/8"), null, null, null,
                null, null, null))), "ValidationError", "'Values' can only be used");
        refused(() -> Conditions.check(List.of(new RuleCondition("source-ip", null, null, null, null, null, null,
                new ValuesConfig(List.of("10.0.0.1"))))), "ValidationError", "must be a CIDR block");
        refused(() -> Conditions.check(List.of(new RuleCondition("http-request-method", null, null, null, null, null,
                new ValuesConfig(List.of("get")), null))), "ValidationError", "HTTP request method 'get'");
        refused(() -> Conditions.check(List.of(
                new RuleCondition("host-header", List.of("a", "b", "c"), null, null, null, null, null, null),
                new RuleCondition("path-pattern", List.of("/a", "/b", "/c"), null, null, null, null, null, null))),
                "ValidationError", "A rule can only have '5' condition values");
        refused(() -> Conditions.check(List.of(
                new RuleCondition("host-header", List.of("a"), null, null, null, null, null, null),
                new RuleCondition("host-header", List.of("b"), null, null, null, null, null, null))),
                "ValidationError", "only have one 'host-header' condition");
    }

    @Test
    void tagsFollowTheKitsRulesWithElbsErrors() {
        assertThat(ElbTags.validate(null)).isEmpty();
        refused(() -> ElbTags.validate(List.of(new Tag("a", "1"), new Tag("a", "2"))), "DuplicateTagKeys",
                "Tag key 'a' was specified more than once");
        refused(() -> ElbTags.validate(List.of(new Tag("aws:x", "1"))), "ValidationError", "reserved");
        refused(() -> ElbTags.validate(List.of(new Tag("k", "v".repeat(257)))), "ValidationError", "tags.member.value");
        refused(() -> ElbTags.validate(IntStream.range(0, 51).mapToObj(i -> new Tag("k" + i, "v")).toList()),
                "TooManyTags", "quota");
    }
}
