package io.berth.iam.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String policyName;

    Effect(String policyName) { this.policyName = policyName; }

    /** "Allow" or "Deny". */
    public String policyName() { return policyName; }
}
