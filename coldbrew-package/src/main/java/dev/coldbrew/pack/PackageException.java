package dev.coldbrew.pack;

/** Packaging failed; the message names the step, the input and what was observed. */
public final class PackageException extends Exception {
    private static final long serialVersionUID = 1L;

    public PackageException(String message) {
        super(message);
    }

    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
