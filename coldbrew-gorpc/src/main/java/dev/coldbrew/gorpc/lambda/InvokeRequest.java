package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code messages.InvokeRequest}: the argument of {@code Function.Invoke}, field for field as aws-lambda-go
 * declares it (gob numbers fields in this order). Null strings and byte arrays become empty, as Go's zero
 * values; the arrays are not copied.
 *
 * @param payload the event, usually JSON
 * @param requestId the AWS request id
 * @param xAmznTraceId the X-Ray trace header
 * @param deadline when the invoke times out
 * @param invokedFunctionArn the ARN the caller used
 * @param cognitoIdentityId Cognito identity id, or empty
 * @param cognitoIdentityPoolId Cognito identity pool id, or empty
 * @param clientContext the mobile client context as JSON bytes, or empty
 */
public record InvokeRequest(
        byte[] payload,
        String requestId,
        String xAmznTraceId,
        Timestamp deadline,
        String invokedFunctionArn,
        String cognitoIdentityId,
        String cognitoIdentityPoolId,
        byte[] clientContext) {

    public static final StructCodec<InvokeRequest> GOB = StructCodec.builder("InvokeRequest", InvokeRequest.class)
            .field("Payload", GobScalars.BYTES, InvokeRequest::payload)
            .field("RequestId", GobScalars.STRING, InvokeRequest::requestId)
            .field("XAmznTraceId", GobScalars.STRING, InvokeRequest::xAmznTraceId)
            .field("Deadline", Timestamp.GOB, InvokeRequest::deadline)
            .field("InvokedFunctionArn", GobScalars.STRING, InvokeRequest::invokedFunctionArn)
            .field("CognitoIdentityId", GobScalars.STRING, InvokeRequest::cognitoIdentityId)
            .field("CognitoIdentityPoolId", GobScalars.STRING, InvokeRequest::cognitoIdentityPoolId)
            .field("ClientContext", GobScalars.BYTES, InvokeRequest::clientContext)
            .build(v ->
                    new InvokeRequest(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7)));

    private static final byte[] EMPTY = new byte[0];

    public InvokeRequest {
        payload = Objects.requireNonNullElse(payload, EMPTY);
        requestId = Objects.requireNonNullElse(requestId, "");
        xAmznTraceId = Objects.requireNonNullElse(xAmznTraceId, "");
        deadline = Objects.requireNonNullElse(deadline, Timestamp.ZERO);
        invokedFunctionArn = Objects.requireNonNullElse(invokedFunctionArn, "");
        cognitoIdentityId = Objects.requireNonNullElse(cognitoIdentityId, "");
        cognitoIdentityPoolId = Objects.requireNonNullElse(cognitoIdentityPoolId, "");
        clientContext = Objects.requireNonNullElse(clientContext, EMPTY);
    }

    /** A request with only a payload, request id, deadline and ARN, as Lambda's mocks send. */
    public static InvokeRequest of(byte[] payload, String requestId, Timestamp deadline, String functionArn) {
        return new InvokeRequest(payload, requestId, "", deadline, functionArn, "", "", EMPTY);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvokeRequest o
                && Arrays.equals(payload, o.payload)
                && requestId.equals(o.requestId)
                && xAmznTraceId.equals(o.xAmznTraceId)
                && deadline.equals(o.deadline)
                && invokedFunctionArn.equals(o.invokedFunctionArn)
                && cognitoIdentityId.equals(o.cognitoIdentityId)
                && cognitoIdentityPoolId.equals(o.cognitoIdentityPoolId)
                && Arrays.equals(clientContext, o.clientContext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), requestId, deadline, invokedFunctionArn);
    }

    /** Sizes instead of contents for the byte arrays: payloads can be megabytes. */
    @Override
    public String toString() {
        return "InvokeRequest[payload=" + payload.length + " bytes, requestId=" + requestId + ", xAmznTraceId="
                + xAmznTraceId + ", deadline=" + deadline + ", invokedFunctionArn=" + invokedFunctionArn
                + ", cognitoIdentityId=" + cognitoIdentityId + ", cognitoIdentityPoolId=" + cognitoIdentityPoolId
                + ", clientContext=" + clientContext.length + " bytes]";
    }
}
