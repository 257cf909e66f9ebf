package io.berth.elb;

import io.berth.elb.ElbMessages.Matcher;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A target group's health check: ELB's defaults for its protocol and target type, and ELB's
 * bounds (interval 5–300 s, timeout 2–120 s and shorter than the interval, thresholds 2–10, an
 * HTTP path from '/', a port or {@code traffic-port}, success codes 200–499).
 */
final class HealthChecks {

    static final String TRAFFIC_PORT = "traffic-port";
    private static final Stored.Matcher OK = new Stored.Matcher("200", null);
    private static final Pattern CODES = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

    private HealthChecks() {
    }

    /** The settings a request gives, each left null taking ELB's default for the group. */
    record Given(String protocol, String port, Boolean enabled, String path, Integer intervalSeconds,
                 Integer timeoutSeconds, Integer healthyThresholdCount, Integer unhealthyThresholdCount,
                 Matcher matcher) {
    }

    /** ELB's defaults for a new group of this protocol (null for lambda) and target type. */
    static Stored.HealthCheck defaults(String protocol, String targetType) {
        if (targetType.equals("lambda")) {
            return new Stored.HealthCheck(null, null, false, "/", 35, 30, 5, 2, OK);
        }
        if (protocol.equals("HTTP") || protocol.equals("HTTPS")) {
            return new Stored.HealthCheck(protocol, TRAFFIC_PORT, true, "/", 30, 5, 5, 2, OK);
        }
        return new Stored.HealthCheck("TCP", TRAFFIC_PORT, true, null, 30, 10, 5, 2, null);
    }

    /** {@code current} with what {@code given} changes, checked as a whole for the group's protocol. */
    static Stored.HealthCheck apply(Stored.HealthCheck current, Given given, String groupProtocol) {
        String protocol = given.protocol() != null ? given.protocol() : current.protocol();
        if (given.protocol() != null) {
            List<String> allowed = groupProtocol != null && groupProtocol.startsWith("HTTP")
                    ? List.of("HTTP", "HTTPS") : List.of("HTTP", "HTTPS", "TCP");
            if (!allowed.contains(protocol)) {
                throw ElbErrors.invalidConfiguration("Health check protocol '" + protocol
                        + "' is not supported for target groups with the " + groupProtocol + " protocol");
            }
        }
        boolean http = protocol != null && protocol.startsWith("HTTP");
        String path = given.path() != null ? given.path() : http ? (current.path() == null ? "/" : current.path()) : null;
        Stored.Matcher matcher = given.matcher() != null ? StoredShapes.matcher(given.matcher())
                : http ? (current.matcher() == null ? OK : current.matcher()) : null;
        if (!http && given.path() != null) {
            throw ElbErrors.invalidConfiguration("Health check path is not supported for health check protocol '" + protocol + "'");
        }
        if (!http && given.matcher() != null) {
            throw ElbErrors.invalidConfiguration("Health check matcher HTTP code is not supported for health check protocol '"
                    + protocol + "'");
        }
        if (path != null && (path.isEmpty() || !path.startsWith("/") || path.length() > 1024)) {
            throw ElbErrors.validation("Health check path must begin with '/' and be at most 1024 characters long");
        }
        if (matcher != null && matcher.httpCode() != null) {
            checkCodes(matcher.httpCode());
        }
        String port = given.port() != null ? given.port() : current.port();
        if (port != null && !port.equals(TRAFFIC_PORT)) {
            checkPort(port);
        }
        int interval = bounded(given.intervalSeconds(), current.intervalSeconds(), "healthCheckIntervalSeconds", 5, 300);
        int timeout = bounded(given.timeoutSeconds(), current.timeoutSeconds(), "healthCheckTimeoutSeconds", 2, 120);
        int healthy = bounded(given.healthyThresholdCount(), current.healthyThresholdCount(), "healthyThresholdCount", 2, 10);
        int unhealthy = bounded(given.unhealthyThresholdCount(), current.unhealthyThresholdCount(), "unhealthyThresholdCount", 2, 10);
        if (timeout >= interval) {
            throw ElbErrors.invalidConfiguration("Health check interval must be greater than the timeout.");
        }
        boolean enabled = given.enabled() != null ? given.enabled() : current.enabled();
        return new Stored.HealthCheck(protocol, port, enabled, path, interval, timeout, healthy, unhealthy, matcher);
    }

    private static void checkPort(String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below, as any other value
        }
        throw ElbErrors.validation("Health check port '" + port + "' must be 'traffic-port' or a port number from 1 to 65535");
    }

    private static void checkCodes(String codes) {
        if (!CODES.matcher(codes).matches()) {
            throw ElbErrors.validation("Health check matcher HTTP code '" + codes + "' must be a value like '200', "
                    + "'200,202' or '200-299'");
        }
        for (String code : codes.split("[,-]")) {
            int value = Integer.parseInt(code);
            if (value < 200 || value > 499) {
                throw ElbErrors.validation("Health check matcher HTTP code '" + codes + "' must be within the range of 200-499");
            }
        }
    }

    private static int bounded(Integer given, Integer current, String member, int min, int max) {
        int value = given != null ? given : current;
        if (value < min) {
            throw ElbErrors.constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw ElbErrors.constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }
}
