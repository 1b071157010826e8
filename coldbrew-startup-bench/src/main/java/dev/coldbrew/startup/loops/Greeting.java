package dev.coldbrew.startup.loops;

import java.nio.charset.StandardCharsets;

/** The hello function's logic, shared by the two minimal loops and the handler run under AWS's client. */
public final class Greeting {
    private Greeting() {}

    /** A JSON greeting naming the size of the event it answers. */
    public static byte[] reply(byte[] event) {
        return ("{\"message\":\"Hello from coldbrew\",\"eventBytes\":" + event.length + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
