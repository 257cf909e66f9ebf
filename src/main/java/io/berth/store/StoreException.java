package io.berth.store;

/** The store could not do what was asked (I/O, corruption, a newer schema). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
