package dev.coldbrew.local.function;

import java.nio.charset.StandardCharsets;

/**
 * What a synchronous invocation returned to its caller.
 *
 * @param statusCode the Invoke API status: 200 (also for function errors), or the service error status
 * @param payload the function's response, or the error JSON
 * @param functionError {@code null}, or {@code "Unhandled"} for function errors, timeouts and crashes
 * @param report the REPORT figures; {@code null} when the function did not run (e.g. 429)
 * @param log the end of this invocation's log (its last lines, at least the last 4 KB): START, the function's
 *     output, END, REPORT (and INIT_REPORT lines)
 * @param contentType the {@code Content-Type} the runtime posted its response with; {@code null} for JSON
 * @param errorType for a service error (any status but 200), the exception Lambda names in {@code
 *     x-amzn-ErrorType} ({@code InvalidParameterValueException}, {@code TooManyRequestsException}, ...), the same
 *     the Invoke API sends for it; {@code null} otherwise
 */
public record InvocationResult(
        String requestId,
        int statusCode,
        byte[] payload,
        String functionError,
        Report report,
        String log,
        String contentType,
        String errorType) {

    /** A result the function produced (no service error). */
    public InvocationResult(
            String requestId,
            int statusCode,
            byte[] payload,
            String functionError,
            Report report,
            String log,
            String contentType) {
        this(requestId, statusCode, payload, functionError, report, log, contentType, null);
    }

    /** A result with a JSON payload. */
    public InvocationResult(
            String requestId, int statusCode, byte[] payload, String functionError, Report report, String log) {
        this(requestId, statusCode, payload, functionError, report, log, null);
    }

    public static final String UNHANDLED = "Unhandled";

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public boolean isFunctionError() {
        return functionError != null;
    }
}
