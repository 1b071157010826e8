import dev.coldbrew.runtime.LambdaRuntime;
import java.nio.charset.StandardCharsets;

/**
 * A Java function for Lambda's go1.x runtime: coldbrew's runtime with coldbrew-gorpc on the class path serves
 * go1.x because Lambda sets _LAMBDA_SERVER_PORT. Its executable is the script named by the handler.
 */
public final class JavaGo {
    public static void main(String[] args) {
        LambdaRuntime.run((event, context) -> {
            String text = new String(event, StandardCharsets.UTF_8);
            return switch (text) {
                case "fields" -> (context.requestId() + "|" + context.invokedFunctionArn() + "|"
                                + (context.remainingTimeMillis() > 0) + "|" + context.functionName())
                        .getBytes(StandardCharsets.UTF_8);
                case "pid" -> Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
                case "fail" -> throw new IllegalArgumentException("java boom");
                case "oom" -> throw new OutOfMemoryError("java heap exhausted");
                case "sleep" -> {
                    Thread.sleep(60_000);
                    yield event;
                }
                case "crash" -> {
                    Runtime.getRuntime().halt(5);
                    yield event;
                }
                default -> event;
            };
        });
    }
}
