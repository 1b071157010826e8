package dev.coldbrew.local.http;

import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;

/**
 * Invoke API service errors: the request was rejected and the function did not run. Wire shape from the
 * service model (invoke-api-and-environment.md §1.4): header {@code x-amzn-ErrorType: <Exception>} and a JSON
 * body {@code {"Type":"User","message":...}} ({@code Message} for ResourceNotFoundException).
 */
public final class ServiceErrors {
    private ServiceErrors() {}

    public static final String HEADER_ERROR_TYPE = "x-amzn-ErrorType";
    /** Seconds a throttled caller is told to wait ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 1;

    public static final String NOT_FOUND = "ResourceNotFoundException";
    public static final String TOO_LARGE = "RequestTooLargeException";
    public static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    public static final String INVALID_REQUEST_CONTENT = "InvalidRequestContentException";
    public static final String INVALID_PARAMETER = "InvalidParameterValueException";
    public static final String SERVICE = "ServiceException";

    /**
     * The exception name ({@code x-amzn-ErrorType}) of a service error the local Lambda produced: the one it was made
     * with here, so that the Java API and the Invoke API report the same; {@link #SERVICE} for any other.
     */
    public static String typeOf(InvocationResult result) {
        return result.errorType() != null ? result.errorType() : SERVICE;
    }

    public static InvocationResult notFound(String requestId, String functionArn) {
        String body = userError("Message", "Function not found: " + functionArn)
                .endObject()
                .toString();
        return result(requestId, 404, NOT_FOUND, body);
    }

    public static InvocationResult tooLarge(String requestId, long size, long limit) {
        String body = userError(
                        "message",
                        "Request must be smaller than " + limit + " bytes for the InvokeFunction operation (got " + size
                                + ")")
                .endObject()
                .toString();
        return result(requestId, 413, TOO_LARGE, body);
    }

    public static InvocationResult throttled(String requestId, String reason, int limit) {
        String body = userError("message", "Rate Exceeded. (concurrency limit " + limit + " reached)")
                .field("Reason", reason)
                .endObject()
                .toString();
        return result(requestId, 429, TOO_MANY_REQUESTS, body);
    }

    /** 400 {@code InvalidParameterValueException}: a parameter Lambda refuses, e.g. a tenant id it does not take. */
    public static InvocationResult invalidParameter(String requestId, String message) {
        return result(requestId, 400, INVALID_PARAMETER, invalid(message));
    }

    /**
     * 429 for a tenant-isolated function whose environments (active or idle) reached Lambda's cap: 2,500 for every
     * 1,000 of its concurrency. Lambda documents only "Rate exceeded" for it, and no {@code Reason}.
     */
    public static InvocationResult tenantEnvironments(String requestId, int environments, int limit) {
        String body = userError(
                        "message",
                        "Rate exceeded. (" + environments + " tenant execution environments, active or idle, exist for"
                                + " a concurrency of " + limit + ": Lambda allows 2,500 for every 1,000)")
                .endObject()
                .toString();
        return result(requestId, 429, TOO_MANY_REQUESTS, body);
    }

    /** A 400 body for a malformed request. */
    public static String invalid(String message) {
        return userError("message", message).endObject().toString();
    }

    /** {@code {"Type":"User","<messageField>":"<message>"}} still open for more members. */
    private static JsonWriter userError(String messageField, String message) {
        return JsonWriter.create().beginObject().field("Type", "User").field(messageField, message);
    }

    private static InvocationResult result(String requestId, int status, String errorType, String body) {
        return new InvocationResult(
                requestId, status, body.getBytes(StandardCharsets.UTF_8), null, null, "", null, errorType);
    }
}
