package dev.coldbrew.gorpc.lambda;

/**
 * What a {@link GoRpcFunctionServer} calls for each {@code Function.Invoke}: the bridge from the go1.x
 * protocol to a handler. Protocol-level on purpose: the request carries the deadline, request id, trace id,
 * ARN, Cognito identity and client context as Lambda sent them.
 *
 * <p>Failure classes: a handler failure is a normal outcome, returned as {@link InvokeResponse#failure}
 * (set {@code shouldExit} if the process must be replaced). Anything thrown from here is treated as Go treats
 * a panic: reported as an {@link InvokeError} with the stack trace and {@code shouldExit = true}.
 *
 * <p>Threads: called on a pooled thread per call. Lambda's go1.x caller sends one Invoke at a time, but a
 * caller that pipelines calls (Go's client can) gets them run concurrently, as a Go function would.
 */
@FunctionalInterface
public interface FunctionInvoker {
    InvokeResponse invoke(InvokeRequest request);
}
