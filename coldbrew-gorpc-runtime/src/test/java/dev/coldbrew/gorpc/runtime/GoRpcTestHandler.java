package dev.coldbrew.gorpc.runtime;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import java.nio.charset.StandardCharsets;

/**
 * A coldbrew handler for the go1.x tests, also reachable as {@code _HANDLER}: {@code fields} answers with what the
 * {@link Context} saw, {@code fail} throws, {@code fail-nested} throws from
 * a method it calls, {@code oom} throws an {@link OutOfMemoryError} (a fatal failure, which
 * ends the runtime), anything else is echoed.
 */
public final class GoRpcTestHandler implements BytesHandler {
    public GoRpcTestHandler() {}

    @Override
    public byte[] handle(byte[] event, Context context) {
        String text = event.length > 16 ? "" : new String(event, StandardCharsets.UTF_8);
        return switch (text) {
            case "fields" -> fields(context).getBytes(StandardCharsets.UTF_8);
            case "fail" -> throw new IllegalArgumentException("boom");
            case "fail-nested" -> throw failure();
            case "oom" -> throw new OutOfMemoryError("test heap exhausted");
            default -> event;
        };
    }

    /** A failure made one call below {@link #handle}: two frames of the handler's. */
    private static IllegalStateException failure() {
        return new IllegalStateException("nested boom");
    }

    private static String fields(Context context) {
        return String.join(
                "|",
                context.requestId(),
                context.traceId(),
                Long.toString(context.deadlineMs()),
                context.invokedFunctionArn(),
                context.cognitoIdentity() == null
                        ? "-"
                        : context.cognitoIdentity().identityId(),
                context.cognitoIdentity() == null
                        ? "-"
                        : context.cognitoIdentity().identityPoolId(),
                "client=" + (context.clientContext() != null),
                context.functionName());
    }
}
