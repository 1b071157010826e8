package dev.coldbrew.runtime.api;

import dev.coldbrew.runtime.api.http.HttpHeaders;

/**
 * The reply to {@code GET /runtime/invocation/next}: one event and its metadata headers. Optional headers that
 * were absent are null; {@code body} is the raw event bytes.
 *
 * @param requestId {@code Lambda-Runtime-Aws-Request-Id}, required
 * @param deadlineMs {@code Lambda-Runtime-Deadline-Ms}, epoch milliseconds, required
 * @param invokedFunctionArn {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param traceId {@code Lambda-Runtime-Trace-Id}, the X-Ray trace header
 * @param clientContext {@code Lambda-Runtime-Client-Context}, JSON text
 * @param cognitoIdentity {@code Lambda-Runtime-Cognito-Identity}, JSON text
 * @param tenantId {@code Lambda-Runtime-Aws-Tenant-Id}
 * @param contentType {@code Content-Type} of the event
 */
public record NextInvocation(
        String requestId,
        long deadlineMs,
        String invokedFunctionArn,
        String traceId,
        String clientContext,
        String cognitoIdentity,
        String tenantId,
        String contentType,
        byte[] body) {
    /** The largest deadline accepted: 18 digits of epoch milliseconds. */
    private static final long MAX_DEADLINE_MS = 999_999_999_999_999_999L;

    /**
     * Reads the metadata from the headers of a 200 reply.
     *
     * @throws RuntimeApiException when the request id is missing or empty, or the deadline is missing or not a
     *     non-negative decimal number; the message names the header and its value
     */
    public static NextInvocation fromHeaders(HttpHeaders headers, byte[] body) throws RuntimeApiException {
        String requestId = headers.first(RuntimeApi.HEADER_REQUEST_ID);
        if (requestId == null || requestId.isEmpty() || hasSlashOrSpace(requestId)) {
            throw new RuntimeApiException("GET " + RuntimeApi.NEXT_PATH + " failed: header "
                    + RuntimeApi.HEADER_REQUEST_ID + " is " + (requestId == null ? "missing" : "'" + requestId + "'"));
        }
        return new NextInvocation(
                requestId,
                deadline(requestId, headers.first(RuntimeApi.HEADER_DEADLINE_MS)),
                headers.first(RuntimeApi.HEADER_FUNCTION_ARN),
                headers.first(RuntimeApi.HEADER_TRACE_ID),
                headers.first(RuntimeApi.HEADER_CLIENT_CONTEXT),
                headers.first(RuntimeApi.HEADER_COGNITO_IDENTITY),
                headers.first(RuntimeApi.HEADER_TENANT_ID),
                headers.first(RuntimeApi.HEADER_CONTENT_TYPE),
                body);
    }

    private static long deadline(String requestId, String value) throws RuntimeApiException {
        long deadline = UnsignedDecimal.parse(value, 0, MAX_DEADLINE_MS);
        if (deadline != UnsignedDecimal.INVALID) {
            return deadline;
        }
        throw new RuntimeApiException(
                requestId,
                "GET " + RuntimeApi.NEXT_PATH + " failed for request " + requestId
                        + ": header " + RuntimeApi.HEADER_DEADLINE_MS + " is "
                        + (value == null ? "missing" : "'" + value + "'") + ", expected epoch milliseconds");
    }

    private static boolean hasSlashOrSpace(String requestId) {
        for (int i = 0; i < requestId.length(); i++) {
            char c = requestId.charAt(i);
            if (c == '/' || c <= ' ' || c == '?' || c == '#' || c == '%' || c >= 0x7f) {
                return true;
            }
        }
        return false;
    }
}
