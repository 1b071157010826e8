package dev.coldbrew.nativeimage.probe;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import java.nio.charset.StandardCharsets;

/**
 * A handler whose event is a command: {@code context} answers the invocation's request id, function ARN and
 * deadline, {@code fail} throws, {@code exit} calls {@code System.exit(5)}; anything else is echoed.
 */
public final class Commands implements BytesHandler {
    /** The message of the exception {@code fail} throws. */
    public static final String FAILURE = "probe failed as asked";

    /** The status {@code exit} exits with. */
    public static final int EXIT_STATUS = 5;

    @Override
    public byte[] handle(byte[] event, Context context) {
        return switch (new String(event, StandardCharsets.UTF_8)) {
            case "context" ->
                (context.requestId() + "|" + context.invokedFunctionArn() + "|" + context.deadlineMs())
                        .getBytes(StandardCharsets.UTF_8);
            case "fail" -> throw new IllegalArgumentException(FAILURE);
            case "exit" -> {
                System.exit(EXIT_STATUS);
                yield event;
            }
            default -> event;
        };
    }
}
