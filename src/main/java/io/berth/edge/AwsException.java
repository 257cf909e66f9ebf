package io.berth.edge;

/**
 * The one error type of every Berth API: an AWS error code, the HTTP status AWS answers with,
 * and the message. The edge renders it in the protocol of the request.
 */
public final class AwsException extends RuntimeException {
    private final String code;
    private final int status;
    private final boolean senderFault;

    public AwsException(String code, int status, String message) {
        this(code, status, message, status < 500);
    }

    public AwsException(String code, int status, String message, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    public String code() { return code; }

    public int status() { return status; }

    /** "Sender" or "Receiver" in Query protocol errors. */
    public boolean senderFault() { return senderFault; }
}
