package io.berth.elb;

import io.berth.elb.ElbMessages.LoadBalancerAttribute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A load balancer's attributes: ELB's defaults for its type and the values ELB accepts. All are
 * recorded; deletion protection is enforced here, the idle timeout is the data plane's.
 */
final class LoadBalancerAttributes {

    private static final AttributeValues VALUES = new AttributeValues("load balancer");

    static final String DELETION_PROTECTION = "deletion_protection.enabled";
    private static final Set<String> BOOLEANS = Set.of("true", "false");

    private LoadBalancerAttributes() {
    }

    /** ELB's attributes of a new load balancer of {@code type}, in the order ELB lists them. */
    static Map<String, String> defaults(String type) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("access_logs.s3.enabled", "false");
        attributes.put("access_logs.s3.bucket", "");
        attributes.put("access_logs.s3.prefix", "");
        attributes.put(DELETION_PROTECTION, "false");
        if (type.equals("application")) {
            attributes.put("idle_timeout.timeout_seconds", "60");
            attributes.put("routing.http2.enabled", "true");
            attributes.put("routing.http.drop_invalid_header_fields.enabled", "false");
            attributes.put("routing.http.xff_client_port.enabled", "false");
            attributes.put("routing.http.preserve_host_header.enabled", "false");
            attributes.put("routing.http.xff_header_processing.mode", "append");
            attributes.put("routing.http.desync_mitigation_mode", "defensive");
            attributes.put("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false");
            attributes.put("load_balancing.cross_zone.enabled", "true");
            attributes.put("waf.fail_open.enabled", "false");
            attributes.put("client_keep_alive.seconds", "3600");
            attributes.put("connection_logs.s3.enabled", "false");
            attributes.put("connection_logs.s3.bucket", "");
            attributes.put("connection_logs.s3.prefix", "");
        } else {
            attributes.put("load_balancing.cross_zone.enabled", "false");
            attributes.put("dns_record.client_routing_policy", "any_availability_zone");
        }
        attributes.put("zonal_shift.config.enabled", "false");
        return attributes;
    }

    /** {@code current} with {@code changes}, each key one the load balancer has and each value one ELB accepts. */
    static Map<String, String> modify(Map<String, String> current, List<LoadBalancerAttribute> changes) {
        Map<String, String> next = new LinkedHashMap<>(current);
        for (LoadBalancerAttribute change : changes) {
            String key = change.key();
            String value = change.value() == null ? "" : change.value();
            if (key == null || !current.containsKey(key)) {
                throw ElbErrors.validation("Load balancer attribute key '" + key + "' is not recognized");
            }
            switch (key) {
                case "idle_timeout.timeout_seconds" -> VALUES.range(key, value, 1, 4000);
                case "client_keep_alive.seconds" -> VALUES.range(key, value, 60, 604800);
                case "routing.http.xff_header_processing.mode" -> VALUES.oneOf(key, value, Set.of("append", "preserve", "remove"));
                case "routing.http.desync_mitigation_mode" -> VALUES.oneOf(key, value, Set.of("monitor", "defensive", "strictest"));
                case "dns_record.client_routing_policy" -> VALUES.oneOf(key, value, Set.of("availability_zone_affinity",
                        "partial_availability_zone_affinity", "any_availability_zone"));
                case "access_logs.s3.bucket", "access_logs.s3.prefix", "connection_logs.s3.bucket",
                     "connection_logs.s3.prefix" -> {
                }
                default -> VALUES.oneOf(key, value, BOOLEANS);
            }
            next.put(key, value);
        }
        for (String logs : List.of("access_logs", "connection_logs")) {
            if ("true".equals(next.get(logs + ".s3.enabled")) && next.get(logs + ".s3.bucket").isEmpty()) {
                throw ElbErrors.invalidConfiguration("The value of '" + logs + ".s3.bucket' cannot be empty when '"
                        + logs + ".s3.enabled' is true");
            }
        }
        return next;
    }
}
