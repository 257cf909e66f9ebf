package io.berth.kit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationMessagesTest {

    @Test
    void oneFailedConstraintShowsTheValueQuoted() {
        assertThat(ValidationMessages.one("my group!", "logGroupName", "Member must satisfy regular expression pattern: x"))
                .isEqualTo("1 validation error detected: Value 'my group!' at 'logGroupName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: x");
    }

    @Test
    void aMissingValueIsShownAsNullUnquoted() {
        assertThat(ValidationMessages.one(null, "actionNames", "Member must not be null"))
                .isEqualTo("1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void numbersAndMapsAreShownAsTheyPrint() {
        assertThat(ValidationMessages.one(0, "limit", "Member must have value greater than or equal to 1"))
                .contains("Value '0' at 'limit'");
        assertThat(ValidationMessages.one(Map.of(), "tags", "Member must have length greater than or equal to 1"))
                .contains("Value '{}' at 'tags'");
    }

    @Test
    void aMemberEntryLeavesTheValueOut() {
        assertThat(ValidationMessages.collect().member("roleName", "Member must have length less than or equal to 64")
                .message()).isEqualTo("1 validation error detected: Value at 'roleName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 64");
    }

    @Test
    void severalAreCountedAndJoinedInOrder() {
        ValidationMessages messages = ValidationMessages.collect()
                .member("userName", "Member must not be null")
                .member("path", "Member must have length greater than or equal to 1")
                .value("x", "maxItems", "Member must have value less than or equal to 1000");
        assertThat(messages.message()).isEqualTo("3 validation errors detected: "
                + "Value at 'userName' failed to satisfy constraint: Member must not be null; "
                + "Value at 'path' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value 'x' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000");
    }

    @Test
    void startsEmpty() {
        ValidationMessages messages = ValidationMessages.collect();
        assertThat(messages.isEmpty()).isTrue();
        assertThat(messages.member("a", "b").isEmpty()).isFalse();
    }
}
