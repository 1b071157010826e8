package dev.coldbrew.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Request and response bodies for the local Lambda's two HTTP servers. */
public final class HttpBodies {
    private HttpBodies() {}

    /** Reads the whole body, or returns {@code null} as soon as it is longer than {@code limit} bytes. */
    public static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[16384];
        int total = 0;
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
}
