package dev.coldbrew.runtime.spi;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;

/** What an invocation produced: a response payload, or an error to report for it. */
public sealed interface Outcome {
    /** The handler returned {@code payload}, to be sent with {@code contentType}. */
    record Success(byte[] payload, String contentType) implements Outcome {}

    /**
     * The invocation failed with {@code error}, to be reported with the function error type {@code errorType}
     * (e.g. {@code Runtime.UserException}) and, when known, the X-Ray error cause JSON {@code xrayCause}. When
     * {@code fatal}, the process should exit after reporting it (the JVM ran out of memory).
     */
    record Failure(ErrorRequest error, String errorType, boolean fatal, String xrayCause) implements Outcome {
        /** A failure without an X-Ray error cause. */
        public Failure(ErrorRequest error, String errorType, boolean fatal) {
            this(error, errorType, fatal, null);
        }

        /**
         * A request that cannot become an {@link Invocation} (no request id, a deadline out of range): reported for
         * that request as {@code Runtime.InvalidInvocation}; the process goes on.
         */
        public static Failure invalidInvocation(String message) {
            return new Failure(
                    new ErrorRequest(message, RuntimeApi.FN_ERROR_INVALID_INVOCATION),
                    RuntimeApi.FN_ERROR_INVALID_INVOCATION,
                    false);
        }
    }
}
