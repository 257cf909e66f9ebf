package io.berth.iam.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed, validated IAM policy document.
 *
 * @param version    the Version element as written ("2012-10-17" or "2008-10-17"), null when absent
 *                   (IAM then reads the document as 2008-10-17)
 * @param id         the Id element, or null
 * @param statements the statements in document order
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {
    public static final String CURRENT_VERSION = "2012-10-17";
    public static final String LEGACY_VERSION = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Whether policy variables are recognised (only in version 2012-10-17 documents). */
    public boolean variablesEnabled() {
        return CURRENT_VERSION.equals(version);
    }

    /**
     * The document reduced to the statements whose Action or NotAction element applies to
     * {@code action}, in document order (this document itself when every statement applies).
     * Evaluating a request for {@code action} skips every other statement before looking at its
     * resource, principal or conditions, so the reduced document decides such requests exactly
     * as the whole one does; authorization caches it per action.
     */
    public PolicyDocument forAction(String action) {
        List<Statement> applicable = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            if (s.action().applies(action)) applicable.add(s);
        }
        return applicable.size() == statements.size() ? this : new PolicyDocument(version, id, applicable);
    }
}
