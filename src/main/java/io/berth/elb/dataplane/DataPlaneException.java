package io.berth.elb.dataplane;

/** The host could not start, change or stop a load balancer's proxy or network. */
public final class DataPlaneException extends RuntimeException {
    public DataPlaneException(String message) {
        super(message);
    }

    public DataPlaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
