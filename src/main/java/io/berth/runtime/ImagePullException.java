package io.berth.runtime;

/** An image could not be made present; the message says why, as the registry or engine did. */
public final class ImagePullException extends Exception {
    public ImagePullException(String message) {
        super(message);
    }
}
