package io.berth.iam.policy;

import java.util.List;

/**
 * The result of evaluating one request.
 *
 * @param decision             allowed, explicit deny or implicit deny
 * @param matchedStatements    the statements that decided it: the matching Deny statements for an
 *                             explicit deny, the Allow statements that granted access when
 *                             allowed, none for an implicit deny
 * @param missingContextValues condition keys that conditions of applicable statements needed and
 *                             the request did not supply, in first-seen order
 */
public record Evaluation(Decision decision, List<MatchedStatement> matchedStatements, List<String> missingContextValues) {
    public Evaluation {
        matchedStatements = List.copyOf(matchedStatements);
        missingContextValues = List.copyOf(missingContextValues);
    }

    public boolean allowed() { return decision == Decision.ALLOWED; }
}
