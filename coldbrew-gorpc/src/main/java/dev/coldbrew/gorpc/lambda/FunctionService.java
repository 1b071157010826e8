package dev.coldbrew.gorpc.lambda;

/**
 * The net/rpc service of a go1.x function: aws-lambda-go registers its {@code Function} type, so the methods
 * are {@code Function.Ping} and {@code Function.Invoke} ({@code lambda/rpc_function.go}).
 */
public final class FunctionService {
    private FunctionService() {}

    public static final String PING = "Function.Ping";
    public static final String INVOKE = "Function.Invoke";
}
