package dev.coldbrew.startup.loops;

import java.nio.charset.StandardCharsets;

/**
 * The hello function's logic (examples/hello), shared by the two minimal loops and the handler run under AWS's
 * client: {@code {"message":"Hello from coldbrew","requestId":"…","bytes":N}}, N being the event's size.
 */
public final class Greeting {
    private Greeting() {}

    /** The log line hello writes for each invoke. */
    public static String logLine(byte[] event, String requestId) {
        return "hello: " + event.length + " bytes for " + requestId;
    }

    /** The greeting for {@code event}. */
    public static byte[] reply(byte[] event, String requestId) {
        return ("{\"message\":\"Hello from coldbrew\",\"requestId\":\"" + requestId + "\",\"bytes\":" + event.length
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
