package dev.coldbrew.bridge.jnigo;

import dev.coldbrew.runtime.Invocation;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * A {@link BridgeRequest} as coldbrew's transport-independent {@link Invocation}, field by field as aws-lambda-go's
 * {@code Function.Invoke} reads the go1.x request: deadline from {@code Deadline{Seconds, Nanos}}, request id,
 * trace id, ARN, Cognito identity and client context.
 */
final class BridgeInvocations {
    private BridgeInvocations() {}

    /**
     * The invocation {@code request} describes.
     *
     * @throws IllegalArgumentException naming the field when the request id is empty or the deadline is out of range
     */
    static Invocation invocation(BridgeRequest request) {
        long deadlineMs;
        try {
            deadlineMs = Instant.ofEpochSecond(request.deadlineSeconds(), request.deadlineNanos())
                    .toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "InvokeRequest.Deadline is out of range: {Seconds: " + request.deadlineSeconds() + ", Nanos: "
                            + request.deadlineNanos() + "} (" + e.getMessage() + ")",
                    e);
        }
        if (request.requestId().isEmpty()) {
            throw new IllegalArgumentException("InvokeRequest.RequestId is empty: Lambda sends one with every invoke");
        }
        return new Invocation(
                request.requestId(),
                deadlineMs,
                nullIfEmpty(request.invokedFunctionArn()),
                nullIfEmpty(request.traceId()),
                request.clientContext().length == 0
                        ? null
                        : new String(request.clientContext(), StandardCharsets.UTF_8),
                cognitoIdentity(request),
                null,
                null,
                request.payload());
    }

    private static String cognitoIdentity(BridgeRequest request) {
        if (request.cognitoIdentityId().isEmpty()
                && request.cognitoIdentityPoolId().isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder(96);
        JsonWriter.object(json)
                .field(RuntimeApi.FIELD_COGNITO_IDENTITY_ID, request.cognitoIdentityId())
                .field(RuntimeApi.FIELD_COGNITO_IDENTITY_POOL_ID, request.cognitoIdentityPoolId())
                .end();
        return json.toString();
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
