package io.berth.runtime;

/** The container runtime cannot be reached or refused an operation. */
public final class RuntimeUnavailableException extends RuntimeException {
    public RuntimeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
