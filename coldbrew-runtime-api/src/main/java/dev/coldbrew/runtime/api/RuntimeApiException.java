package dev.coldbrew.runtime.api;

import java.io.IOException;

/**
 * The Runtime API answered with something the runtime cannot continue from: an unexpected status (with the
 * {@link ErrorResponse} it carried, if any) or an unusable {@code /next} reply. The message names the request,
 * the target and what was observed. When the failure concerns one invocation whose id is known,
 * {@link #requestId()} returns it so the runtime can still report the error for that invocation.
 */
public final class RuntimeApiException extends IOException {
    private static final long serialVersionUID = 1L;
    /** {@link #status()} of a failure that was not an unexpected HTTP status. */
    public static final int NO_STATUS = -1;

    private final int status;
    private final String requestId;
    private final transient ErrorResponse errorResponse;

    public RuntimeApiException(String message) {
        this(message, NO_STATUS, null, null);
    }

    public RuntimeApiException(String requestId, String message) {
        this(message, NO_STATUS, null, requestId);
    }

    public RuntimeApiException(String message, int status, ErrorResponse errorResponse, String requestId) {
        super(message);
        this.status = status;
        this.errorResponse = errorResponse;
        this.requestId = requestId;
    }

    /** The HTTP status of the reply, or {@link #NO_STATUS} when the failure was not an unexpected status. */
    public int status() {
        return status;
    }

    /** The error body of the reply, or null. */
    public ErrorResponse errorResponse() {
        return errorResponse;
    }

    /** The invocation the failure concerns, or null when none is known. */
    public String requestId() {
        return requestId;
    }

    /**
     * True when the Runtime API answered {@code /next} as expected but the invocation it delivered is unusable
     * (e.g. a malformed deadline): the failure concerns that one invocation, whose error can still be reported
     * for {@link #requestId()}, and not the Runtime API.
     */
    public boolean isInvalidInvocation() {
        return status == NO_STATUS && requestId != null;
    }
}
