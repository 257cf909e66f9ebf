package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyDocumentsTest {

    @Test
    void urlEncodesAsIamDoes() {
        String document = "{\"Version\": \"2012-10-17\",\n \"Sid\": \"a+b é*\"}";

        String encoded = PolicyDocuments.urlEncode(document);

        assertThat(encoded).isEqualTo("%7B%22Version%22%3A%20%222012-10-17%22%2C%0A%20%22Sid%22%3A%20%22a%2Bb%20%C3%A9%2A%22%7D");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(document);
    }

    @Test
    void aDocumentThePolicyEngineRefusesIsIamsMalformedPolicyDocument() {
        AwsException e = catchThrowableOfType(AwsException.class,
                () -> PolicyDocuments.validate("{\"Statement\":[]", PolicyKind.IDENTITY));

        assertThat(e.code()).isEqualTo("MalformedPolicyDocument");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(PolicyParser.SYNTAX_ERROR);
    }

    @Test
    void sizeDoesNotCountWhitespace() {
        assertThat(PolicyDocuments.size("{ \"a\" :\n\t\"b c\" }")).isEqualTo(10);
    }
}
