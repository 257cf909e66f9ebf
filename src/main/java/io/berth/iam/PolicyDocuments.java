package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.iam.policy.MalformedPolicyException;
import io.berth.iam.policy.PolicyKind;
import io.berth.iam.policy.PolicyParser;

import java.nio.charset.StandardCharsets;

/** What IAM does with the policy documents it is given: validate, measure, and send back URL-encoded. */
final class PolicyDocuments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PolicyDocuments() {
    }

    /** Throws IAM's {@code MalformedPolicyDocument} for a document IAM would refuse. */
    static void validate(String document, PolicyKind kind) {
        try {
            PolicyParser.parse(document, kind);
        } catch (MalformedPolicyException e) {
            throw malformed(e);
        }
    }

    /** IAM's answer for a document the policy engine refuses. */
    static AwsException malformed(MalformedPolicyException refusal) {
        return new AwsException("MalformedPolicyDocument", 400, refusal.getMessage());
    }

    /** The size IAM counts against its quotas: characters, whitespace not counted. */
    static int size(String document) {
        int size = 0;
        for (int i = 0; i < document.length(); ) {
            int codePoint = document.codePointAt(i);
            if (!Character.isWhitespace(codePoint)) {
                size++;
            }
            i += Character.charCount(codePoint);
        }
        return size;
    }

    /**
     * The document as IAM returns it in responses: percent-encoded UTF-8 with only A-Z a-z 0-9
     * - _ . ~ left as they are (spaces as %20, so decoders that treat '+' literally agree).
     */
    static String urlEncode(String document) {
        if (document == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(document.length() * 2);
        for (byte b : document.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
