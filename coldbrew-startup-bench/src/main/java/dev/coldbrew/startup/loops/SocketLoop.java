package dev.coldbrew.startup.loops;

import static dev.coldbrew.runtime.api.RuntimeApi.ENV_RUNTIME_API;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_REQUEST_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.INVOCATION_PREFIX;
import static dev.coldbrew.runtime.api.RuntimeApi.NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.RESPONSE_SUFFIX;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The smallest Runtime API loop on a plain socket: one keep-alive connection, Content-Length bodies only. With
 * {@link UrlConnectionLoop} it keeps reproducible the measurement behind coldbrew's hand-written HTTP client (only
 * compile-time constants of {@code RuntimeApi} are used, so this class needs no other class at run time).
 */
public final class SocketLoop {
    private static final String CONTENT_LENGTH = "content-length";

    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private SocketLoop(Socket socket, String host) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.host = host;
    }

    public static void main(String[] args) throws IOException {
        String api = System.getenv(ENV_RUNTIME_API);
        int colon = api.lastIndexOf(':');
        try (Socket socket = new Socket(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1)))) {
            socket.setTcpNoDelay(true);
            new SocketLoop(socket, api).loop();
        }
    }

    private void loop() throws IOException {
        while (true) {
            send("GET " + NEXT_PATH, new byte[0]);
            Reply next = receive();
            byte[] result = Greeting.reply(next.body(), next.requestId());
            send("POST " + INVOCATION_PREFIX + next.requestId() + RESPONSE_SUFFIX, result);
            receive();
        }
    }

    private void send(String requestLine, byte[] body) throws IOException {
        String head = requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private Reply receive() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 2")) {
            throw new IOException("Runtime API answered '" + status + "'");
        }
        int length = 0;
        String requestId = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals(CONTENT_LENGTH)) {
                length = Integer.parseInt(value);
            } else if (name.equals(HEADER_REQUEST_ID.toLowerCase(Locale.ROOT))) {
                requestId = value;
            }
        }
        return new Reply(requestId, in.readNBytes(length));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Runtime API closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private record Reply(String requestId, byte[] body) {}
}
