package dev.coldbrew.runtime.api.server;

import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.StatusResponse;

/**
 * One reply of the Runtime API to a runtime, and every reply Lambda gives, worded as Lambda words it. Status codes
 * and {@code errorType}s follow runtime-api.md §5.2; each {@code errorMessage} starts with the emulator's text
 * ({@code rapi/rendering/render_error.go}, the state-transition format of {@code rapi/handler}) and, where the
 * emulator names nothing, goes on after a colon with the value that was refused, so a person reading a runtime's
 * log sees what was wrong.
 *
 * @param status the HTTP status
 * @param body the JSON body: {@link StatusResponse} for 202, {@link ErrorResponse} otherwise
 */
public record Reply(int status, byte[] body) {
    /** 404 {@code errorType}: not one of Lambda's (its router answers plain text), so the server's own. */
    public static final String ERROR_NOT_FOUND = "NotFound";
    /** 405 {@code errorType}, the server's own as {@link #ERROR_NOT_FOUND}. */
    public static final String ERROR_METHOD_NOT_ALLOWED = "MethodNotAllowed";
    /** 403 {@code errorType} for a connection from outside the environment, the server's own as the others. */
    public static final String ERROR_FOREIGN_CONNECTION = "ForeignConnection";

    // ---- runtime state names as the emulator names them (its core package), for invalidState ------------------
    public static final String STATE_STARTED = "Started";
    public static final String STATE_READY = "Ready";
    public static final String STATE_RESPONSE_SENT = "RuntimeResponseSentState";
    public static final String STATE_INVOCATION_RESPONSE = "InvocationResponse";
    public static final String STATE_INVOCATION_ERROR_RESPONSE = "InvocationErrorResponse";
    public static final String STATE_INIT_ERROR = "InitError";
    public static final String STATE_RESTORE_READY = "RestoreReady";
    public static final String STATE_RESTORE_ERROR = "RuntimeRestoreErrorState";

    private static final String STATE_TRANSITION_FAILED =
            "State transition from %s to %s failed for runtime. Error: State transition is not allowed";
    private static final Reply ACCEPTED = new Reply(RuntimeApi.HTTP_ACCEPTED, StatusResponse.OK.toJson());

    /** 202 {@code {"status":"OK"}}: an emulator must send this body (the .NET runtime client fails on none). */
    public static Reply accepted() {
        return ACCEPTED;
    }

    /** 400 {@code InvalidRequestID}: a {@code /response} or {@code /error} for an id that was never handed out. */
    public static Reply invalidRequestId(String requestId) {
        return error(
                RuntimeApi.HTTP_BAD_REQUEST, RuntimeApi.ERROR_INVALID_REQUEST_ID, "Invalid request ID: " + requestId);
    }

    /**
     * 403 {@code InvalidStateTransition}: the runtime asked for {@code to} while in {@code from}, e.g. a second
     * {@code /response} ({@code from} {@code RuntimeResponseSentState}) or {@code /init/error} after {@code /next}.
     */
    public static Reply invalidState(String from, String to) {
        return error(
                RuntimeApi.HTTP_FORBIDDEN,
                RuntimeApi.ERROR_INVALID_STATE,
                String.format(STATE_TRANSITION_FAILED, from, to));
    }

    /** 400 {@code InvalidFunctionResponseMode}: a {@code Lambda-Runtime-Function-Response-Mode} other than streaming. */
    public static Reply invalidResponseMode(String mode) {
        return error(
                RuntimeApi.HTTP_BAD_REQUEST,
                RuntimeApi.ERROR_INVALID_RESPONSE_MODE,
                "Invalid function response mode: " + mode);
    }

    /** 400 {@code TruncatedHTTPRequest}: the body ended before its declared length; {@code detail} says where. */
    public static Reply truncated(String detail) {
        return error(
                RuntimeApi.HTTP_BAD_REQUEST,
                RuntimeApi.ERROR_TRUNCATED_REQUEST,
                "HTTP request detected as truncated: " + detail);
    }

    /** 413 {@code RequestEntityTooLarge}, Lambda's exact message with the limit that was exceeded. */
    public static Reply tooLarge(long limitBytes) {
        return error(
                RuntimeApi.HTTP_PAYLOAD_TOO_LARGE,
                RuntimeApi.ERROR_TOO_LARGE,
                "Exceeded maximum allowed payload size (" + limitBytes + " bytes).");
    }

    /** 500 {@code InternalServerError}: the server itself failed; the runtime should exit. */
    public static Reply internal(String detail) {
        return error(RuntimeApi.HTTP_INTERNAL_ERROR, RuntimeApi.ERROR_INTERNAL, "Internal Server Error: " + detail);
    }

    /** 404: no endpoint at {@code method path}. */
    public static Reply notFound(String method, String path) {
        return error(404, ERROR_NOT_FOUND, "no such endpoint: " + method + " " + path);
    }

    /** 405: {@code path} exists but takes {@code allowed}, not {@code method}. */
    public static Reply methodNotAllowed(String method, String path, String allowed) {
        return error(405, ERROR_METHOD_NOT_ALLOWED, method + " " + path + " is not allowed, use " + allowed);
    }

    /**
     * 403: the connection does not come from the environment's own processes ({@link ConnectionCheck}); {@code why}
     * names the process that holds it.
     */
    public static Reply foreignConnection(String why) {
        return error(RuntimeApi.HTTP_FORBIDDEN, ERROR_FOREIGN_CONNECTION, "connection refused: " + why);
    }

    /** Any status with an {@link ErrorResponse} body, e.g. a 500 a test makes a fake give once. */
    public static Reply error(int status, String errorType, String errorMessage) {
        return new Reply(status, new ErrorResponse(errorMessage, errorType).toJson());
    }
}
