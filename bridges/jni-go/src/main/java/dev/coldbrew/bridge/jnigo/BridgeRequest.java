package dev.coldbrew.bridge.jnigo;

/**
 * One {@code Function.Invoke} as the Go side hands it over: created by the library through JNI (its constructor
 * is in this module's native-image metadata), fields as go1.x's {@code messages.InvokeRequest} carries them.
 * Strings are empty, never null, when Lambda sent none.
 *
 * @param id the bridge's number for this invoke, to answer it with
 * @param payload the event
 * @param requestId {@code RequestId}
 * @param traceId {@code XAmznTraceId}
 * @param deadlineSeconds {@code Deadline.Seconds}, Unix time
 * @param deadlineNanos {@code Deadline.Nanos}, nanoseconds within the second
 * @param invokedFunctionArn {@code InvokedFunctionArn}
 * @param cognitoIdentityId {@code CognitoIdentityId}
 * @param cognitoIdentityPoolId {@code CognitoIdentityPoolId}
 * @param clientContext {@code ClientContext}, JSON bytes or empty
 */
record BridgeRequest(
        long id,
        byte[] payload,
        String requestId,
        String traceId,
        long deadlineSeconds,
        long deadlineNanos,
        String invokedFunctionArn,
        String cognitoIdentityId,
        String cognitoIdentityPoolId,
        byte[] clientContext) {}
