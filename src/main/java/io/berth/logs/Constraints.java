package io.berth.logs;

import io.berth.kit.TagPolicy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The CloudWatch Logs model's constraints on request members, checked before any state is read. */
final class Constraints {

    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    private static final Pattern TAG_KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$");
    private static final Pattern TAG_VALUE = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    private static final int MAX_NAME = 512;

    /** AWS's only accepted retention periods, in days. */
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    static final Set<String> GROUP_CLASSES = Set.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY");

    private Constraints() {
    }

    static <T> T required(T value, String member) {
        if (value == null) {
            throw LogsErrors.constraint(null, member, "Member must not be null");
        }
        return value;
    }

    static String groupName(String value, String member) {
        return named(required(value, member), member, GROUP_NAME);
    }

    static String streamName(String value, String member) {
        return named(required(value, member), member, STREAM_NAME);
    }

    /** An optional name filter: null, or valid as a name of that kind. */
    static String groupNamePrefix(String value, String member) {
        return value == null ? null : named(value, member, GROUP_NAME);
    }

    static String streamNamePrefix(String value, String member) {
        return value == null ? null : named(value, member, STREAM_NAME);
    }

    private static String named(String value, String member, Pattern pattern) {
        if (value.isEmpty()) {
            throw LogsErrors.constraint(value, member, "Member must have length greater than or equal to 1");
        }
        if (value.length() > MAX_NAME) {
            throw LogsErrors.constraint(value, member, "Member must have length less than or equal to " + MAX_NAME);
        }
        if (!pattern.matcher(value).matches()) {
            throw LogsErrors.constraint(value, member,
                    "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    static int limit(Integer value, int max, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw LogsErrors.constraint(value, "limit", "Member must have value greater than or equal to 1");
        }
        if (value > max) {
            throw LogsErrors.constraint(value, "limit", "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** A timestamp member: absent, or milliseconds since the epoch (never negative). */
    static Long timestamp(Long value, String member) {
        if (value != null && value < 0) {
            throw LogsErrors.constraint(value, member, "Member must have value greater than or equal to 0");
        }
        return value;
    }

    static String oneOf(String value, String member, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw LogsErrors.constraint(value, member,
                    "Member must satisfy enum value set: " + allowed.stream().sorted().toList());
        }
        return value;
    }

    static int retentionInDays(Integer value) {
        if (!RETENTION_DAYS.contains(required(value, "retentionInDays"))) {
            throw LogsErrors.constraint(value, "retentionInDays", "Member must satisfy enum value set: " + RETENTION_DAYS);
        }
        return value;
    }

    /** A Tags member: 1 to 50 entries with keys and values as the model allows. */
    static Map<String, String> tags(Map<String, String> tags, String member) {
        if (required(tags, member).isEmpty()) {
            throw LogsErrors.constraint(tags, member, "Member must have length greater than or equal to 1");
        }
        if (tags.size() > TagPolicy.MAX_TAGS) {
            throw LogsErrors.constraint(tags, member,
                    "Member must have length less than or equal to " + TagPolicy.MAX_TAGS);
        }
        tags.forEach((key, value) -> {
            tagKey(key, member);
            if (value == null || value.length() > 256 || !TAG_VALUE.matcher(value).matches()) {
                throw LogsErrors.constraint(value, member, "Map value must satisfy constraint: [Member must have "
                        + "length less than or equal to 256, Member must satisfy regular expression pattern: "
                        + TAG_VALUE.pattern() + "]");
            }
        });
        return tags;
    }

    static List<String> tagKeys(List<String> keys, String member) {
        required(keys, member).forEach(key -> tagKey(key, member));
        return keys;
    }

    private static void tagKey(String key, String member) {
        if (key == null || key.isEmpty() || key.length() > 128 || !TAG_KEY.matcher(key).matches()) {
            throw LogsErrors.constraint(key, member, "Member must satisfy constraint: [Member must have length "
                    + "between 1 and 128, Member must satisfy regular expression pattern: " + TAG_KEY.pattern() + "]");
        }
    }
}
