package io.berth.iam.policy;

/**
 * A statement that decided an evaluation (SimulatePrincipalPolicy's MatchedStatements).
 *
 * @param sourcePolicyId   the {@link AttachedPolicy#sourceId()} of its policy
 * @param sourcePolicyType the {@link AttachedPolicy#sourceType()} of its policy
 * @param role             which part it played: identity, boundary, session or resource policy
 * @param statement        the statement (its Sid, index, effect and text positions)
 */
public record MatchedStatement(String sourcePolicyId, String sourcePolicyType, Role role, Statement statement) {
    public enum Role { IDENTITY, PERMISSIONS_BOUNDARY, SESSION, RESOURCE }

    public String sid() { return statement.sid(); }

    public Effect effect() { return statement.effect(); }
}
