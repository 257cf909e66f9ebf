package io.berth.elb.dataplane;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a listener or rule does with a request it takes. */
public sealed interface Action {

    /** The target groups it may send traffic to. */
    default List<String> targetGroupIds() {
        return List.of();
    }

    /** Forward to one group (one entry) or split among several by weight (ELB's weighted forward). */
    record Forward(List<WeightedGroup> groups) implements Action {
        public Forward {
            groups = List.copyOf(groups);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("a forward action needs a target group");
            }
            if (groups.stream().map(WeightedGroup::targetGroupId).distinct().count() != groups.size()) {
                throw new IllegalArgumentException("a forward action names a target group twice");
            }
        }

        public static Forward to(String targetGroupId) {
            return new Forward(List.of(new WeightedGroup(targetGroupId, 1)));
        }

        @Override
        public List<String> targetGroupIds() {
            return groups.stream().map(WeightedGroup::targetGroupId).toList();
        }
    }

    /** @param weight 0-999 as ELB takes it */
    record WeightedGroup(String targetGroupId, int weight) {
        public WeightedGroup {
            Objects.requireNonNull(targetGroupId);
            if (weight < 0 || weight > 999) {
                throw new IllegalArgumentException("weight " + weight + " is not 0-999");
            }
        }
    }

    /**
     * @param contentType one of ELB's (text/plain, text/css, text/html, application/javascript,
     *                    application/json); null answers text/plain
     * @param body        null or empty for none
     */
    record FixedResponse(int statusCode, String contentType, String body) implements Action {
        private static final Set<String> CONTENT_TYPES =
                Set.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");

        public FixedResponse {
            if (statusCode < 200 || statusCode > 599 || (statusCode >= 300 && statusCode < 400)) {
                throw new IllegalArgumentException("fixed-response status " + statusCode + " is not 2XX, 4XX or 5XX");
            }
            if (contentType != null && !CONTENT_TYPES.contains(contentType)) {
                throw new IllegalArgumentException("fixed-response content type " + contentType + " is not one of " + CONTENT_TYPES);
            }
        }
    }

    /**
     * Components as ELB takes them, each may use #{protocol}, #{host}, #{port}, #{path}, #{query};
     * ELB's defaults keep the request's own.
     *
     * @param statusCode 301 or 302
     */
    record Redirect(String protocol, String host, String port, String path, String query, int statusCode)
            implements Action {
        public Redirect {
            protocol = protocol == null ? "#{protocol}" : protocol;
            host = host == null ? "#{host}" : host;
            port = port == null ? "#{port}" : port;
            path = path == null ? "/#{path}" : path;
            query = query == null ? "#{query}" : query;
            if (statusCode != 301 && statusCode != 302) {
                throw new IllegalArgumentException("redirect status " + statusCode + " is not 301 or 302");
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("redirect path " + path + " does not start with /");
            }
        }
    }
}
