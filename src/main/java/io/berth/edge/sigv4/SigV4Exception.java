package io.berth.edge.sigv4;

/** A request that failed SigV4 verification; the message is worded like AWS's. */
public final class SigV4Exception extends RuntimeException {
    private final Failure failure;

    public SigV4Exception(Failure failure, String message) {
        // Thrown for every rejected request, so skip the stack trace.
        super(message, null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
