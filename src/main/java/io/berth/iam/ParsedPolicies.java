package io.berth.iam;

import io.berth.iam.policy.PolicyDocument;
import io.berth.iam.policy.PolicyParser;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policy documents parsed once: authorization reads the same few documents on every request.
 * Keyed by the document text, so a changed policy is simply another entry; bounded by starting
 * over when it grows large.
 */
final class ParsedPolicies {

    private static final int LIMIT = 10_000;

    private final Map<String, PolicyDocument> documents = new ConcurrentHashMap<>();

    PolicyDocument of(String json) {
        PolicyDocument document = documents.get(json);
        if (document == null) {
            if (documents.size() >= LIMIT) {
                documents.clear();
            }
            document = PolicyParser.parseStored(json);
            documents.put(json, document);
        }
        return document;
    }
}
