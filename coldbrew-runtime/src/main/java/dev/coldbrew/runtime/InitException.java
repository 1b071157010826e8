package dev.coldbrew.runtime;

/**
 * Init failed in a way the function's author must fix: reported to {@code POST /runtime/init/error} with
 * {@link #errorType()} (e.g. {@code Runtime.NoSuchHandler}), after which the runtime exits.
 */
public final class InitException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorType;

    public InitException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public InitException(String errorType, String message) {
        this(errorType, message, null);
    }

    /** The function error type reported for this failure. */
    public String errorType() {
        return errorType;
    }
}
