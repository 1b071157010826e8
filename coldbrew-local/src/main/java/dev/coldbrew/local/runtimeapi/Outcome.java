package dev.coldbrew.local.runtimeapi;

/**
 * How one invocation ended, as seen by the Lambda side of the protocol (Runtime API or go1.x).
 *
 * @param body the response, the error JSON, or {@code null} for {@link Kind#EXITED}
 * @param errorType the function error type ({@code Lambda-Runtime-Function-Error-Type} or the body's)
 * @param contentType the response content type
 */
public record Outcome(Kind kind, byte[] body, String errorType, String contentType) {

    public enum Kind {
        /** {@code POST /response} accepted. */
        SUCCESS,
        /** {@code POST /error}, or a go1.x reply with {@code Error}. */
        FUNCTION_ERROR,
        /** A go1.x reply with {@code Error} and {@code ShouldExit}: reported, then the environment is replaced. */
        FUNCTION_ERROR_EXIT,
        /** {@code POST /response} over 6 MiB + 100 bytes: {@code Function.ResponseSizeTooLarge}. */
        RESPONSE_TOO_LARGE,
        /** The runtime process exited before it answered. */
        EXITED
    }

    public static Outcome success(byte[] body, String contentType) {
        return new Outcome(Kind.SUCCESS, body, null, contentType);
    }

    public static Outcome functionError(byte[] body, String errorType) {
        return new Outcome(Kind.FUNCTION_ERROR, body, errorType, null);
    }

    public static Outcome functionErrorThenExit(byte[] body, String errorType) {
        return new Outcome(Kind.FUNCTION_ERROR_EXIT, body, errorType, null);
    }

    public static Outcome tooLarge() {
        return new Outcome(Kind.RESPONSE_TOO_LARGE, null, null, null);
    }

    public static Outcome exited() {
        return new Outcome(Kind.EXITED, null, null, null);
    }
}
