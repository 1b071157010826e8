package dev.coldbrew.nativeimage;

/** A native image could not be built: the message names the step, the files involved and what was observed. */
public final class NativeImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public NativeImageException(String message) {
        super(message);
    }

    public NativeImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
