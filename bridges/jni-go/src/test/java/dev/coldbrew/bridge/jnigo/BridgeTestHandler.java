package dev.coldbrew.bridge.jnigo;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.nio.charset.StandardCharsets;

/**
 * The function the bridge tests serve, run by {@code dev.coldbrew.runtime.Main} with {@code _HANDLER} naming
 * this class, or by its own {@link #main}. What it does depends on the event: {@code fields} answers the
 * invocation's metadata, {@code fail} throws, {@code big} answers more than Lambda's limit, {@code exit},
 * {@code halt}, {@code oom} and {@code panic} end the process in their ways, {@code npe} takes a JIT-compiled
 * implicit null check (a SIGSEGV the JVM handles) many times and answers how many threw; anything else is echoed.
 */
public final class BridgeTestHandler implements BytesHandler {
    /** How many implicit null checks the {@code npe} event takes: enough for the JIT to compile the loop. */
    static final int NULL_CHECKS = 200_000;

    /** A function with its own {@code main}, as {@code LambdaRuntime.run} users write it. */
    public static void main(String[] args) {
        LambdaRuntime.run(new BridgeTestHandler());
    }

    @Override
    public byte[] handle(byte[] event, Context context) throws Exception {
        String text = new String(event, StandardCharsets.UTF_8);
        return switch (text) {
            case "fields" -> utf8(fields(context));
            case "pid" -> utf8(Long.toString(ProcessHandle.current().pid()));
            case "fail" -> throw new IllegalArgumentException("java boom");
            case "big" -> new byte[RuntimeApi.MAX_RESPONSE_BYTES + 1];
            case "exit" -> {
                System.exit(5);
                yield event;
            }
            case "halt" -> {
                Runtime.getRuntime().halt(6);
                yield event;
            }
            case "oom" -> throw new OutOfMemoryError("java heap exhausted");
            case "panic" -> {
                GoPanicProbe.panicOnAGoroutine();
                yield event;
            }
            case "npe" -> utf8("null checks " + nullChecks());
            default -> event;
        };
    }

    private static String fields(Context context) {
        return context.requestId() + "|" + context.invokedFunctionArn() + "|" + context.traceId() + "|"
                + context.deadlineMs() + "|"
                + (context.clientContext() == null
                        ? null
                        : context.clientContext().custom()) + "|"
                + (context.cognitoIdentity() == null
                        ? null
                        : context.cognitoIdentity().identityId() + "/"
                                + context.cognitoIdentity().identityPoolId());
    }

    private static int nullChecks() {
        int caught = 0;
        String[] values = {"a", null};
        for (int i = 0; i < NULL_CHECKS; i++) {
            try {
                caught += values[i & 1].length() - 1;
            } catch (NullPointerException e) {
                caught++;
            }
        }
        return caught;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
