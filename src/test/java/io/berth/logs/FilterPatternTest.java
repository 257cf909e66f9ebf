package io.berth.logs;

import io.berth.edge.AwsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPatternTest {

    @ParameterizedTest(name = "[{0}] on [{1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                          | anything at all                      | true
            '   '                       | anything at all                      | true
            ERROR                       | [ERROR] disk full                    | true
            ERROR                       | [error] disk full                    | false
            ERROR                       | ERRORS are substrings too            | true
            ERROR disk                  | [ERROR] disk full                    | true
            ERROR disk                  | [ERROR] memory full                  | false
            ERROR   disk                | disk ERROR, spaces between terms     | true
            '"disk full"'               | [ERROR] disk full                    | true
            '"disk full"'               | [ERROR] full disk                    | false
            '"ERROR:"'                  | ERROR: with a colon                  | true
            '"ERROR:"'                  | ERROR without a colon                | false
            ERROR -disk                 | [ERROR] memory full                  | true
            ERROR -disk                 | [ERROR] disk full                    | false
            '-"disk full"'              | [ERROR] disk full                    | false
            '-"disk full"'              | [INFO] all good                      | true
            -DEBUG                      | [INFO] all good                      | true
            ?ERROR ?WARN                | [WARN] slow                          | true
            ?ERROR ?WARN                | [INFO] fine                          | false
            request ?ERROR ?WARN        | request failed: ERROR                | true
            request ?ERROR ?WARN        | ERROR without the other term         | false
            user_id                     | user_id=7                            | true
            '"say \\"hi\\""'            | they say "hi" here                   | true
            """)
    void matchesAsCloudWatchTermPatternsDo(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.parse(pattern).matches(message)).isEqualTo(expected);
    }

    @Test
    void noPatternMatchesEverything() {
        assertThat(FilterPattern.parse(null)).isEqualTo(FilterPattern.ALL);
        assertThat(FilterPattern.ALL.matches("")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@example.com", "a.b", "ERROR:", "\"\"", "-", "?", "path/to"})
    void unquotedSpecialCharactersAreRefusedAsAwsRefusesThem(String pattern) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern))
                .isInstanceOf(AwsException.class)
                .hasMessageStartingWith("Invalid filter pattern")
                .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("InvalidParameterException"));
    }

    @Test
    void anUnclosedQuoteIsInvalid() {
        assertThatThrownBy(() -> FilterPattern.parse("\"never closed"))
                .isInstanceOf(AwsException.class).hasMessage("Invalid filter pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ $.level = \"ERROR\" }", "[ip, user, status = 500]", "%ERR.R%"})
    void structuredAndRegexPatternsAreRefusedRatherThanMisread(String pattern) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern))
                .isInstanceOf(AwsException.class).hasMessageContaining("not implemented");
    }
}
