package dev.coldbrew.startup.loops;

import static dev.coldbrew.runtime.api.RuntimeApi.ENV_RUNTIME_API;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_REQUEST_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.INVOCATION_PREFIX;
import static dev.coldbrew.runtime.api.RuntimeApi.NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.RESPONSE_SUFFIX;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** {@link SocketLoop}'s loop on {@link HttpURLConnection} (the JDK's keep-alive cache reuses the connection). */
public final class UrlConnectionLoop {
    private UrlConnectionLoop() {}

    public static void main(String[] args) throws IOException {
        String base = "http://" + System.getenv(ENV_RUNTIME_API);
        while (true) {
            HttpURLConnection next = open(base + NEXT_PATH);
            String requestId = next.getHeaderField(HEADER_REQUEST_ID);
            byte[] event;
            try (InputStream in = next.getInputStream()) {
                event = in.readAllBytes();
            }
            byte[] result = Greeting.reply(event, requestId);
            HttpURLConnection post = open(base + INVOCATION_PREFIX + requestId + RESPONSE_SUFFIX);
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.setFixedLengthStreamingMode(result.length);
            try (OutputStream out = post.getOutputStream()) {
                out.write(result);
            }
            try (InputStream in = post.getInputStream()) {
                in.readAllBytes();
            }
        }
    }

    private static HttpURLConnection open(String url) throws IOException {
        return (HttpURLConnection) URI.create(url).toURL().openConnection();
    }
}
