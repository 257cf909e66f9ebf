package io.berth.edge.sigv4;

/** Why a request failed SigV4 verification; the edge maps each to the AWS error of its protocol. */
public enum Failure {
    /** No Authorization header and no X-Amz-Algorithm query parameter. */
    MISSING_AUTHENTICATION,
    /** Malformed or incomplete signature parameters, bad date, bad credential scope. */
    INCOMPLETE_SIGNATURE,
    /** The access key id is not known. */
    UNKNOWN_ACCESS_KEY,
    /** The session token is missing, wrong, or presented for a long-term key. */
    INVALID_SESSION_TOKEN,
    /** The signature (or the declared payload hash) does not match the request. */
    SIGNATURE_MISMATCH,
    /** The signing time is outside the allowed clock skew, or a presigned request has expired. */
    EXPIRED
}
