package io.berth.elb.dataplane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A target group's health check as ELB configures it.
 *
 * @param port    null for {@code traffic-port} (the target's own port)
 * @param path    HTTP checks only
 * @param matcher HTTP checks only: codes as ELB writes them ("200", "200,202", "200-299")
 */
public record HealthCheck(Protocol protocol, Integer port, String path, Duration interval, Duration timeout,
                          int healthyThreshold, int unhealthyThreshold, String matcher) {

    private static final Pattern MATCHER = Pattern.compile("[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*");

    public HealthCheck {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(interval);
        Objects.requireNonNull(timeout);
        if (healthyThreshold < 1 || unhealthyThreshold < 1) {
            throw new IllegalArgumentException("health check thresholds must be at least 1");
        }
        if (protocol == Protocol.HTTP) {
            if (path == null || !path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '\'')) {
                throw new IllegalArgumentException("health check path " + path + " is not an absolute path");
            }
            if (matcher == null || !MATCHER.matcher(matcher).matches()) {
                throw new IllegalArgumentException("health check matcher " + matcher + " is not codes or ranges");
            }
        }
    }

    /** The codes the matcher accepts, ranges expanded. */
    public List<Integer> matchedCodes() {
        List<Integer> codes = new ArrayList<>();
        for (String part : matcher.split(",")) {
            String[] bounds = part.split("-");
            int from = Integer.parseInt(bounds[0]);
            int to = Integer.parseInt(bounds[bounds.length - 1]);
            for (int code = from; code <= to; code++) {
                codes.add(code);
            }
        }
        return codes;
    }
}
