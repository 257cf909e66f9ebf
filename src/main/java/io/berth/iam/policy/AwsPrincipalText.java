package io.berth.iam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * The "AWS" identifiers of a policy document's Principal and NotPrincipal elements, replaced in
 * the document's text. Everything else stays as it was written, character for character: IAM
 * gives a policy back as it was sent, except that it names users and roles by their unique ids
 * while it stores the policy (and by their ARNs again when it shows it).
 */
public final class AwsPrincipalText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AwsPrincipalText() {
    }

    /**
     * The document with each "AWS" identifier replaced by {@code replacement}'s answer for it, in
     * document order; the same string when no answer differs. The document must be one the
     * parser accepted.
     */
    public static String replace(String json, UnaryOperator<String> replacement) {
        Rewrite rewrite = new Rewrite(json, replacement);
        try (JsonParser parser = FACTORY.createParser(json)) {
            rewrite.document(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("a policy document that was validated cannot be read again", e);
        }
        return rewrite.result();
    }

    private static final class Rewrite {
        private final String json;
        private final UnaryOperator<String> replacement;
        private StringBuilder out;
        private int copied;

        Rewrite(String json, UnaryOperator<String> replacement) {
            this.json = json;
            this.replacement = replacement;
        }

        void document(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("Statement")) {
                    p.skipChildren();
                } else if (value == JsonToken.START_OBJECT) {
                    statement(p);
                } else if (value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        statement(p);
                    }
                }
            }
        }

        /** Called on a statement's START_OBJECT; returns on its END_OBJECT. */
        private void statement(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ((name.equals("Principal") || name.equals("NotPrincipal")) && value == JsonToken.START_OBJECT) {
                    principal(p);
                } else {
                    p.skipChildren();
                }
            }
        }

        private void principal(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String type = p.currentName();
                JsonToken value = p.nextToken();
                if (!type.equals("AWS")) {
                    p.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    identifier(p);
                } else if (value == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        if (t == JsonToken.VALUE_STRING) {
                            identifier(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
        }

        private void identifier(JsonParser p) throws IOException {
            int start = (int) p.currentTokenLocation().getCharOffset();
            String value = p.getText();
            String replaced = replacement.apply(value);
            if (replaced.equals(value)) {
                return;
            }
            if (out == null) {
                out = new StringBuilder(json.length());
            }
            out.append(json, copied, start).append('"').append(JsonStringEncoder.getInstance().quoteAsString(replaced))
                    .append('"');
            copied = endOfString(start);
        }

        /** The index after the closing quote of the JSON string whose opening quote is at {@code start}. */
        private int endOfString(int start) {
            int i = start + 1;
            while (json.charAt(i) != '"') {
                i += json.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }

        String result() {
            return out == null ? json : out.append(json, copied, json.length()).toString();
        }
    }
}
