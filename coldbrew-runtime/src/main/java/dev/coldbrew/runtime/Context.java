package dev.coldbrew.runtime;

/**
 * What a handler knows about the invocation it is serving and the function it runs in. One instance per
 * invocation; valid only while the handler runs.
 */
public interface Context {
    /** The invocation id ({@code Lambda-Runtime-Aws-Request-Id}). */
    String requestId();

    /** The deadline as epoch milliseconds ({@code Lambda-Runtime-Deadline-Ms}). */
    long deadlineMs();

    /** Milliseconds left until the deadline, never negative. */
    long remainingTimeMillis();

    /** The ARN that was invoked: function, version or alias; null when not sent. */
    String invokedFunctionArn();

    /** {@code AWS_LAMBDA_FUNCTION_NAME}. */
    String functionName();

    /** {@code AWS_LAMBDA_FUNCTION_VERSION}, {@code $LATEST} or a number. */
    String functionVersion();

    /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} in MB, 0 when not set. */
    int memoryLimitMb();

    /** {@code AWS_LAMBDA_LOG_GROUP_NAME}; null with SnapStart or when not set. */
    String logGroupName();

    /** {@code AWS_LAMBDA_LOG_STREAM_NAME}; null with SnapStart or when not set. */
    String logStreamName();

    /** The mobile-SDK client context, null when the invocation carried none. */
    ClientContext clientContext();

    /** The Cognito identity of the caller, null when the invocation carried none. */
    CognitoIdentity cognitoIdentity();

    /** The tenant id in tenant isolation mode, null otherwise. */
    String tenantId();

    /** The X-Ray trace header ({@code Root=…;Parent=…;Sampled=…}), null when not traced. */
    String traceId();

    /** The function logger, tagged with this invocation's request id. */
    FunctionLogger logger();

    /**
     * True when the runtime runs the handler on a sample event during Init ({@link Priming}): the result is
     * discarded, and a handler with side effects should skip them. The request id is then {@code priming-<n>}.
     */
    default boolean priming() {
        return false;
    }
}
