package dev.coldbrew.runtime.api.server;

/**
 * How a runtime answered one invocation, after the server checked its route, method, state and limits: what the
 * side that serves the events learns through {@link RuntimeApiBackend#answered}.
 */
public sealed interface Answer {

    /**
     * {@code POST /response} accepted.
     *
     * @param contentType the request's content type; for a streamed response without one,
     *     {@code application/octet-stream} (runtime-api.md §6.1)
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} trailer of a response that failed mid-stream
     *     (runtime-api.md §6.2), or null
     * @param errorBody the decoded {@code Lambda-Runtime-Function-Error-Body} trailer (empty without one), or null
     *     when {@code errorType} is
     */
    record Response(byte[] body, String contentType, boolean streamed, String errorType, byte[] errorBody)
            implements Answer {
        /** A response that ended without an error. */
        public Response(byte[] body, String contentType, boolean streamed) {
            this(body, contentType, streamed, null, null);
        }

        /** True when the function reported an error in the trailers after (part of) its response. */
        public boolean failedMidStream() {
            return errorType != null;
        }
    }

    /**
     * {@code POST /error} accepted.
     *
     * @param body the runtime's body as sent (usually an {@code ErrorRequest}, but Lambda does not require JSON)
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or null
     */
    record FunctionError(byte[] body, String errorType) implements Answer {}

    /** A {@code /response} or {@code /error} over {@code limitBytes}: 413, then {@code Function.ResponseSizeTooLarge}. */
    record TooLarge(long limitBytes) implements Answer {}

    /**
     * A {@code /response} or {@code /error} Lambda refuses that fails the invocation at once (runtime-api.md §4, §5.2):
     * {@code Runtime.InvalidResponseModeHeader} or {@code Runtime.TruncatedResponse}, with the message the runtime got.
     */
    record Failed(String errorType, String errorMessage) implements Answer {}
}
