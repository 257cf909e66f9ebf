package io.berth.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * moto's CreatePolicy validation corpus (tests/test_iam/test_iam_policies.py, Apache-2.0; see
 * src/test/resources/iam/policy/NOTICE): every valid document must parse as a managed identity
 * policy, every invalid one must be refused with moto's expected message. Where Berth follows
 * evidence of IAM's real answers instead of moto, the document is listed in {@link #KNOWN_DIFFERENCES}
 * with Berth's message and the reason.
 */
class PolicyMotoCorpusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Document index in the corpus file → Berth's message and why it differs from moto's expectation. */
    private static final Map<String, String[]> KNOWN_DIFFERENCES = Map.of(
            "valid#39", new String[] {PolicyParser.SID_NOT_ALPHANUMERIC,
                "Sid with underscores: IAM answers CreatePolicy with 'Statement IDs (SID) must be alpha-numeric' "
                        + "(CloudTrail record of a real CreatePolicy, 2021); moto accepts it"},
            "valid#40", new String[] {PolicyParser.SID_NOT_ALPHANUMERIC,
                "Sid with underscores, as valid#39"});

    static Stream<Arguments> valid() throws IOException {
        List<Arguments> out = new ArrayList<>();
        JsonNode docs = load("moto-valid-policy-documents.json");
        for (int i = 0; i < docs.size(); i++) out.add(Arguments.of("valid#" + i, docs.get(i).asText()));
        return out.stream();
    }

    static Stream<Arguments> invalid() throws IOException {
        List<Arguments> out = new ArrayList<>();
        JsonNode docs = load("moto-invalid-policy-documents.json");
        for (int i = 0; i < docs.size(); i++) {
            out.add(Arguments.of("invalid#" + i, docs.get(i).get("document").asText(), docs.get(i).get("error_message").asText()));
        }
        return out.stream();
    }

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = PolicyMotoCorpusTest.class.getResourceAsStream("/iam/policy/" + name)) {
            assertThat(in).as(name).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validDocumentsParse(String name, String document) {
        String[] difference = KNOWN_DIFFERENCES.get(name);
        if (difference != null) {
            MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parse(document, PolicyKind.IDENTITY));
            assertThat(e).as(difference[1]).isNotNull();
            assertThat(e.getMessage()).isEqualTo(difference[0]);
            return;
        }
        assertThatCode(() -> PolicyParser.parse(document, PolicyKind.IDENTITY)).as(document).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalid")
    void invalidDocumentsAreRefused(String name, String document, String expected) {
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parse(document, PolicyKind.IDENTITY));
        assertThat(e).as(document).isNotNull();
        String[] difference = KNOWN_DIFFERENCES.get(name);
        assertThat(e.getMessage()).as(document).isEqualTo(difference != null ? difference[0] : expected);
    }
}
