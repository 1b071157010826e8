package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Request and reply bodies on {@code com.sun.net.httpserver}, for the Runtime API server and the Invoke API's. */
public final class HttpBodies {
    private HttpBodies() {}

    /**
     * Reads the whole body, or returns {@code null} as soon as it is longer than {@code limit} bytes.
     *
     * @throws IOException when the body ends before its declared length, or its chunked framing is broken
     */
    public static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 8192));
        byte[] buffer = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Sends a status with a fixed-length body ({@code -1} length for an empty one, as the JDK server wants). */
    public static void send(HttpExchange http, int status, byte[] body) throws IOException {
        boolean empty = body == null || body.length == 0 || status == 204;
        http.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Sends {@code headers} and a non-empty {@code body} in two writes, the head flushed before the body, so that a
     * peer that has already closed its connection is noticed: the JDK server learns of a closed client only when a
     * write fails, and the first write to a closed loopback peer succeeds but draws the reset that fails the second.
     * An empty body is sent as {@link #send} does, in one write.
     *
     * @throws IOException when either write fails: the peer did not get the whole reply
     */
    public static void deliver(HttpExchange http, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        if (body == null || body.length == 0) {
            send(http, status, headers, body);
            return;
        }
        headers.forEach(http.getResponseHeaders()::set);
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.flush();
            out.write(body);
        }
    }

    /** Sets {@code headers}, then sends as {@link #send}. */
    public static void send(HttpExchange http, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach(http.getResponseHeaders()::set);
        send(http, status, body);
    }

    /** Reads and discards a body that is not used. */
    public static void drain(HttpExchange http) throws IOException {
        http.getRequestBody().transferTo(OutputStream.nullOutputStream());
    }

    /** As {@link #drain}, for a body discarded before a reply that is sent regardless of how the body ends. */
    public static void drainQuietly(HttpExchange http) {
        try {
            drain(http);
        } catch (IOException e) {
            // the reply does not depend on the body
        }
    }
}
