package io.berth.iam.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** "AWS" principal identifiers replaced in a policy's text, and nothing else touched. */
class AwsPrincipalTextTest {

    private static final String BOB = "arn:aws:iam::111122223333:user/bob";
    private static final UnaryOperator<String> BOB_TO_ID = v -> v.equals(BOB) ? "AIDABOB" : v;

    @Test
    void replacesTheIdentifiersOfPrincipalAndNotPrincipalAndKeepsTheRestAsWritten() {
        String json = """
                {
                  "Version" : "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Principal": {"AWS": "%1$s", "Service": "%1$s"}, "Action": "sts:AssumeRole",
                     "Condition": {"StringEquals": {"aws:PrincipalArn": "%1$s"}}},
                    {"Effect":"Deny","NotPrincipal":{"AWS":[ "123456789012",  "%1$s" ]},"Action":"sts:AssumeRole"}
                  ]
                }""".formatted(BOB);

        assertThat(AwsPrincipalText.replace(json, BOB_TO_ID)).isEqualTo("""
                {
                  "Version" : "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Principal": {"AWS": "AIDABOB", "Service": "%1$s"}, "Action": "sts:AssumeRole",
                     "Condition": {"StringEquals": {"aws:PrincipalArn": "%1$s"}}},
                    {"Effect":"Deny","NotPrincipal":{"AWS":[ "123456789012",  "AIDABOB" ]},"Action":"sts:AssumeRole"}
                  ]
                }""".formatted(BOB));
    }

    @Test
    void aSingleStatementObjectIsRewrittenToo() {
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + BOB + "\"},\"Action\":\"sts:AssumeRole\"}}";

        assertThat(AwsPrincipalText.replace(json, BOB_TO_ID)).isEqualTo(json.replace(BOB, "AIDABOB"));
    }

    @Test
    void seesEveryIdentifierInDocumentOrderAndGivesTheSameTextBackWhenNothingChanges() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"b\",\"a\"]},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Sid\":\"x\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Federated\":\"cognito-identity.amazonaws.com\",\"AWS\":\"c\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        List<String> seen = new ArrayList<>();

        String same = AwsPrincipalText.replace(json, v -> {
            seen.add(v);
            return v;
        });

        assertThat(same).isSameAs(json);
        assertThat(seen).containsExactly("b", "a", "c");
    }

    @Test
    void anEscapedIdentifierIsReplacedWholeAndAReplacementIsEscaped() {
        String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user\\/bob\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}";

        assertThat(AwsPrincipalText.replace(json, BOB_TO_ID)).contains("{\"AWS\":\"AIDABOB\"}");
        assertThat(AwsPrincipalText.replace(json, v -> "say \"hi\"")).contains("{\"AWS\":\"say \\\"hi\\\"\"}");
    }

    @Test
    void wideCharactersBeforeTheIdentifierKeepItsPlace() {
        String json = "{\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:userid\":\"ünïcødé 🚢\"}},\"Principal\":{\"AWS\":\"" + BOB + "\"},\"Action\":\"sts:AssumeRole\"}]}";

        assertThat(AwsPrincipalText.replace(json, BOB_TO_ID)).isEqualTo(json.replace(BOB, "AIDABOB"));
    }
}
