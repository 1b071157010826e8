package dev.coldbrew.runtime.spi;

import dev.coldbrew.runtime.api.NextInvocation;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * One event to handle and its metadata, independent of the protocol that delivered it: the Runtime API's
 * {@code GET /next} ({@link #from(NextInvocation)}) or another transport such as Lambda's go1.x RPC
 * ({@link #fromGo1x}).
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

    /**
     * The invocation a go1.x {@code messages.InvokeRequest} describes, field by field as aws-lambda-go's
     * {@code Function.Invoke} reads it ({@code lambda/rpc_function.go}): deadline from
     * {@code Deadline{Seconds, Nanos}}, request id, trace id, ARN, Cognito identity and client context. Empty
     * strings and bytes, which go1.x sends for absent fields, become null. Every go1.x transport maps its request
     * through here.
     *
     * @throws IllegalArgumentException naming the field when the request id is empty or the deadline is out of range;
     *     the transport answers it as {@link Outcome.Failure#invalidInvocation}
     */
    public static Invocation fromGo1x(
            String requestId,
            long deadlineSeconds,
            long deadlineNanos,
            String invokedFunctionArn,
            String traceId,
            byte[] clientContext,
            String cognitoIdentityId,
            String cognitoIdentityPoolId,
            byte[] payload) {
        long deadlineMs;
        try {
            deadlineMs = Instant.ofEpochSecond(deadlineSeconds, deadlineNanos).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "InvokeRequest.Deadline is out of range: {Seconds: " + deadlineSeconds + ", Nanos: " + deadlineNanos
                            + "} (" + e.getMessage() + ")",
                    e);
        }
        if (requestId.isEmpty()) {
            throw new IllegalArgumentException("InvokeRequest.RequestId is empty: Lambda sends one with every invoke");
        }
        return new Invocation(
                requestId,
                deadlineMs,
                nullIfEmpty(invokedFunctionArn),
                nullIfEmpty(traceId),
                clientContext.length == 0 ? null : new String(clientContext, StandardCharsets.UTF_8),
                cognitoIdentity(cognitoIdentityId, cognitoIdentityPoolId),
                null,
                null,
                payload);
    }

    private static String cognitoIdentity(String id, String poolId) {
        if (id.isEmpty() && poolId.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(96);
        JsonWriter.object(json)
                .field(RuntimeApi.FIELD_COGNITO_IDENTITY_ID, id)
                .field(RuntimeApi.FIELD_COGNITO_IDENTITY_POOL_ID, poolId)
                .end();
        return json.toString();
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
