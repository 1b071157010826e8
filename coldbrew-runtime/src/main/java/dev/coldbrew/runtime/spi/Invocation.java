package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.NextInvocation;

/**
 * One event to handle and its metadata, independent of the protocol that delivered it: the Runtime API's
 * {@code GET /next} ({@link #from(NextInvocation)}) or another transport such as Lambda's go1.x RPC.
 *
 * @param requestId the invocation id, required
 * @param deadlineMs the deadline as epoch milliseconds
 * @param invokedFunctionArn the invoked ARN, or null
 * @param traceId the X-Ray trace header, or null
 * @param clientContext the client context JSON, or null
 * @param cognitoIdentity the Cognito identity JSON, or null
 * @param tenantId the tenant id, or null
 * @param contentType the event's content type, or null
 * @param payload the event bytes
 */
public record Invocation(
        String requestId,
        long deadlineMs,
        String invokedFunctionArn,
        String traceId,
        String clientContext,
        String cognitoIdentity,
        String tenantId,
        String contentType,
        byte[] payload) {

    public Invocation {
        if (requestId == null || requestId.isEmpty()) {
            throw new IllegalArgumentException(
                    "create invocation failed: request id is " + (requestId == null ? "null" : "empty"));
        }
        payload = payload == null ? new byte[0] : payload;
    }

    /** The invocation a Runtime API {@code GET /next} reply describes. */
    public static Invocation from(NextInvocation next) {
        return new Invocation(
                next.requestId(),
                next.deadlineMs(),
                next.invokedFunctionArn(),
                next.traceId(),
                next.clientContext(),
                next.cognitoIdentity(),
                next.tenantId(),
                next.contentType(),
                next.body());
    }
}
