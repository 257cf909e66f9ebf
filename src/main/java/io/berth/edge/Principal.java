package io.berth.edge;

/**
 * Who signed a request, as IAM names it. Only the account root exists until IAM users and
 * roles arrive; the shape already carries what policy evaluation will need.
 */
public record Principal(Kind kind, String accountId, String arn, String userId, String accessKeyId) {

    public enum Kind { ROOT, USER, ASSUMED_ROLE }

    public static Principal root(String accountId, String accessKeyId) {
        return new Principal(Kind.ROOT, accountId, "arn:aws:iam::" + accountId + ":root", accountId, accessKeyId);
    }
}
