package io.berth.iam;

import io.berth.iam.model.IamShapes.Tag;
import io.berth.kit.ValidationMessages;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's model validation, which runs before any lookup: every failed constraint of the request
 * becomes one entry of a single {@code ValidationError}, worded as IAM words it today, e.g.
 * "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have
 * length less than or equal to 64" (IAM no longer echoes the value).
 */
final class Violations {

    /** A string member's constraints from the IAM model; {@code pattern} is shown as the model spells it. */
    record Text(int min, int max, String pattern, Pattern compiled) {
        static Text of(int min, int max, String pattern) {
            return new Text(min, max, pattern, pattern == null ? null : Pattern.compile(pattern));
        }
    }

    static final String NAME_PATTERN = "[\\w+=,.@-]+";
    static final Text USER_NAME = Text.of(1, 64, NAME_PATTERN);
    static final Text EXISTING_USER_NAME = Text.of(1, 128, NAME_PATTERN);
    static final Text ROLE_NAME = Text.of(1, 64, NAME_PATTERN);
    static final Text GROUP_NAME = Text.of(1, 128, NAME_PATTERN);
    static final Text POLICY_NAME = Text.of(1, 128, NAME_PATTERN);
    static final Text PATH = Text.of(1, 512, "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    static final Text PATH_PREFIX = Text.of(1, 512, "\\u002F[\\u0021-\\u007F]*");
    static final Text POLICY_PATH = Text.of(1, 512, "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
    static final Text POLICY_DOCUMENT = Text.of(1, 131072, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final Text ARN = Text.of(20, 2048, null);
    static final Text ROLE_DESCRIPTION = Text.of(0, 1000, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    static final Text POLICY_DESCRIPTION = Text.of(0, 1000, null);
    static final Text MARKER = Text.of(1, 320, "[\\u0020-\\u00FF]+");
    static final Text ACCESS_KEY_ID = Text.of(16, 128, "[\\w]+");
    static final Text VERSION_ID = Text.of(0, Integer.MAX_VALUE, "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    static final Text TAG_KEY = Text.of(1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    static final Text TAG_VALUE = Text.of(0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private static final int MAX_TAGS = 50;

    private final ValidationMessages found = ValidationMessages.collect();

    static Violations check() {
        return new Violations();
    }

    Violations required(String field, Object value) {
        if (value == null) {
            add(field, "Member must not be null");
        }
        return this;
    }

    /** A required string member. */
    Violations text(String field, String value, Text constraint) {
        return required(field, value).optional(field, value, constraint);
    }

    /** An optional string member: checked only when present. */
    Violations optional(String field, String value, Text constraint) {
        if (value == null) {
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (length < constraint.min()) {
            add(field, "Member must have length greater than or equal to " + constraint.min());
        }
        if (length > constraint.max()) {
            add(field, "Member must have length less than or equal to " + constraint.max());
        }
        if (constraint.compiled() != null && !constraint.compiled().matcher(value).matches()) {
            add(field, "Member must satisfy regular expression pattern: " + constraint.pattern());
        }
        return this;
    }

    Violations number(String field, Integer value, int min, int max) {
        if (value != null && value < min) {
            add(field, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            add(field, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    Violations maxItems(Integer value) {
        return number("maxItems", value, 1, 1000);
    }

    Violations marker(String value) {
        return optional("marker", value, MARKER);
    }

    Violations oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(field, "Member must satisfy enum value set");
        }
        return this;
    }

    Violations tags(List<Tag> tags) {
        if (tags == null) {
            return this;
        }
        if (tags.size() > MAX_TAGS) {
            add("tags", "Member must have length less than or equal to " + MAX_TAGS);
            return this;
        }
        for (int i = 0; i < tags.size(); i++) {
            String prefix = "tags." + (i + 1) + ".member.";
            text(prefix + "key", tags.get(i).key(), TAG_KEY);
            text(prefix + "value", tags.get(i).value(), TAG_VALUE);
        }
        return this;
    }

    Violations tagKeys(List<String> keys) {
        required("tagKeys", keys);
        if (keys == null) {
            return this;
        }
        if (keys.size() > MAX_TAGS) {
            add("tagKeys", "Member must have length less than or equal to " + MAX_TAGS);
        }
        for (String key : keys) {
            if (key == null || key.isEmpty() || key.length() > TAG_KEY.max() || !TAG_KEY.compiled().matcher(key).matches()) {
                add("tagKeys", "Member must satisfy constraint: [Member must have length less than or equal to 128, "
                        + "Member must have length greater than or equal to 1, Member must satisfy regular expression "
                        + "pattern: " + TAG_KEY.pattern() + ", Member must not be null]");
                break;
            }
        }
        return this;
    }

    /** Throws the collected violations as one {@code ValidationError}, if there are any. */
    void done() {
        if (found.isEmpty()) {
            return;
        }
        throw IamErrors.validation(found.message());
    }

    private void add(String field, String constraint) {
        found.member(field, constraint);
    }
}
