package io.berth.elb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target group's attributes: ELB's defaults for its protocol, and the values ELB accepts for
 * each key it knows. All are recorded; the data plane reads the deregistration delay and the
 * load balancing algorithm.
 */
final class TargetGroupAttributes {

    private static final AttributeValues VALUES = new AttributeValues("target group");

    static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";

    private TargetGroupAttributes() {
    }

    static boolean http(String protocol) {
        return protocol != null && protocol.startsWith("HTTP");
    }

    /** ELB's attributes of a new group, in the order ELB lists them. */
    static Map<String, String> defaults(String protocol, String targetType) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (targetType.equals("lambda")) {
            attributes.put("lambda.multi_value_headers.enabled", "false");
            attributes.put("stickiness.enabled", "false");
            attributes.put("stickiness.type", "lb_cookie");
            attributes.put("stickiness.lb_cookie.duration_seconds", "86400");
            return attributes;
        }
        attributes.put("stickiness.enabled", "false");
        attributes.put(DEREGISTRATION_DELAY, "300");
        if (http(protocol)) {
            attributes.put("stickiness.app_cookie.cookie_name", "");
            attributes.put("stickiness.type", "lb_cookie");
            attributes.put("load_balancing.algorithm.type", "round_robin");
            attributes.put("load_balancing.algorithm.anomaly_mitigation", "off");
            attributes.put("slow_start.duration_seconds", "0");
            attributes.put("stickiness.lb_cookie.duration_seconds", "86400");
            attributes.put("stickiness.app_cookie.duration_seconds", "86400");
        } else {
            attributes.put("stickiness.type", "source_ip");
            attributes.put("deregistration_delay.connection_termination.enabled", "false");
            attributes.put("proxy_protocol_v2.enabled", "false");
            attributes.put("preserve_client_ip.enabled", targetType.equals("ip") ? "false" : "true");
            attributes.put("target_health_state.unhealthy.connection_termination.enabled", "true");
            attributes.put("target_health_state.unhealthy.draining_interval_seconds", "0");
        }
        attributes.put("load_balancing.cross_zone.enabled", "use_load_balancer_configuration");
        attributes.put("target_group_health.dns_failover.minimum_healthy_targets.count", "1");
        attributes.put("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off");
        attributes.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1");
        attributes.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");
        return attributes;
    }

    /** {@code current} with {@code changes}, each key one the group has and each value one ELB accepts for it. */
    static Map<String, String> modify(Map<String, String> current, List<ElbMessages.TargetGroupAttribute> changes,
                                      String protocol) {
        Map<String, String> next = new LinkedHashMap<>(current);
        for (ElbMessages.TargetGroupAttribute change : changes) {
            String key = change.key();
            String value = change.value() == null ? "" : change.value();
            if (key == null || !current.containsKey(key)) {
                throw ElbErrors.validation("Target group attribute key '" + key + "' is not recognized");
            }
            check(key, value, protocol);
            next.put(key, value);
        }
        return next;
    }

    private static void check(String key, String value, String protocol) {
        switch (key) {
            case DEREGISTRATION_DELAY -> VALUES.range(key, value, 0, 3600);
            case "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds" ->
                    VALUES.range(key, value, 1, 604800);
            case "slow_start.duration_seconds" -> {
                VALUES.range(key, value, 0, 900);
                if (!value.equals("0") && Integer.parseInt(value) < 30) {
                    throw VALUES.invalid(key, value, "must be 0 or between 30 and 900");
                }
            }
            case "stickiness.type" -> VALUES.oneOf(key, value, http(protocol) ? Set.of("lb_cookie", "app_cookie")
                    : Set.of("source_ip"));
            case "load_balancing.algorithm.type" ->
                    VALUES.oneOf(key, value, Set.of("round_robin", "least_outstanding_requests", "weighted_random"));
            case "load_balancing.algorithm.anomaly_mitigation", "target_group_health.dns_failover.minimum_healthy_targets.percentage",
                 "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage" -> {
                if (!value.equals("off") && !value.equals("on")) {
                    VALUES.range(key, value, 1, 100);
                }
            }
            case "load_balancing.cross_zone.enabled" ->
                    VALUES.oneOf(key, value, Set.of("true", "false", "use_load_balancer_configuration"));
            case "stickiness.app_cookie.cookie_name" -> {
                if (value.length() > 255) {
                    throw VALUES.invalid(key, value, "must be at most 255 characters long");
                }
            }
            case "target_health_state.unhealthy.draining_interval_seconds" -> VALUES.range(key, value, 0, 360000);
            case "target_group_health.dns_failover.minimum_healthy_targets.count",
                 "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count" -> VALUES.range(key, value, 1, 10000);
            default -> VALUES.oneOf(key, value, Set.of("true", "false"));
        }
    }
}
