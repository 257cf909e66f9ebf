package io.berth.iam.policy;

/**
 * A policy document IAM would refuse, with IAM's message for why. The engine knows no protocol:
 * IAM answers this as its {@code MalformedPolicyDocument} error.
 */
public final class MalformedPolicyException extends RuntimeException {

    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}
