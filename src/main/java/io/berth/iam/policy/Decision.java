package io.berth.iam.policy;

/** The outcome of policy evaluation, as IAM names it (SimulatePrincipalPolicy's EvalDecision: allowed, explicitDeny, implicitDeny). */
public enum Decision {
    ALLOWED("allowed"), EXPLICIT_DENY("explicitDeny"), IMPLICIT_DENY("implicitDeny");

    private final String evalDecision;

    Decision(String evalDecision) { this.evalDecision = evalDecision; }

    /** The value of SimulatePrincipalPolicy's EvalDecision. */
    public String evalDecision() { return evalDecision; }
}
