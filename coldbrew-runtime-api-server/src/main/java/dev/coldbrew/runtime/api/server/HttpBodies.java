package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Request and reply bodies on the {@code com.sun.net.httpserver} exchange API, for the handlers that
 * {@link Http11Server} serves: the Runtime API's, the Invoke API's and the API Gateway routes'.
 */
public final class HttpBodies {
    private HttpBodies() {}

    /**
     * Most body bytes read and discarded after a request whose body was refused (too large) has been answered; the
     * connection then closes.
     */
    public static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

    /** The request's {@code Content-Length}, or -1 without one (both servers have already checked its syntax). */
    public static long announcedLength(HttpExchange http) {
        String value = http.getRequestHeaders().getFirst(RuntimeApi.HEADER_CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Answers a request whose body is refused before it was read in full (announced or found over a limit), then
     * discards what the peer goes on sending, at most {@link #MAX_DISCARDED_BYTES}, and closes the connection: a peer
     * that writes its whole body before reading the reply gets the reply rather than a reset.
     */
    public static void sendRefusingBody(HttpExchange http, int status, byte[] body) throws IOException {
        http.getResponseHeaders().set(RuntimeApi.HEADER_CONNECTION, RuntimeApi.CONNECTION_CLOSE);
        http.sendResponseHeaders(status, body.length);
        OutputStream out = http.getResponseBody();
        out.write(body);
        out.flush();
        try {
            http.getRequestBody().skipNBytes(MAX_DISCARDED_BYTES);
        } catch (IOException ended) {
            // the peer stopped sending, or closed, once it had the reply
        }
        out.close();
    }

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

    /**
     * Reads the whole body and writes each part to {@code sink} as it arrives, flushing it after each part; false as
     * soon as the body is longer than {@code limit} bytes. When a write to {@code sink} fails, the rest of the body is
     * read and discarded (the peer still gets its reply).
     *
     * @throws IOException when the body ends before its declared length, or its chunked framing is broken
     */
    public static boolean forwardAtMost(InputStream in, long limit, OutputStream sink) throws IOException {
        byte[] buffer = new byte[16384];
        long total = 0;
        OutputStream to = sink;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                return false;
            }
            try {
                if (to != null && n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException | RuntimeException e) {
                to = null; // the receiving side is gone: keep reading what the runtime sends
            }
        }
        return true;
    }

    /** Sends a status with a fixed-length body ({@code -1} length for an empty one, as the exchange API wants). */
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
     * peer that has already closed its connection is noticed: the server learns of a closed client only when a
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
