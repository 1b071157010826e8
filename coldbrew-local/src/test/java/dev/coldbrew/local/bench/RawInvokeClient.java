package dev.coldbrew.local.bench;

import dev.coldbrew.local.invokeapi.InvokeWire;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An Invoke API client on one keep-alive socket, so that the benchmark does not measure an HTTP client library. */
final class RawInvokeClient {
    private final InputStream in;
    private final OutputStream out;

    private RawInvokeClient(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawInvokeClient connect(InetSocketAddress address) {
        try {
            return new RawInvokeClient(new Socket(address.getAddress(), address.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("connect to " + address + " failed", e);
        }
    }

    /** Posts one invocation and returns the HTTP status. */
    Integer invoke(String function, byte[] payload) throws IOException {
        String head = "POST " + InvokeWire.invocationsPath(function) + " HTTP/1.1\r\nHost: local\r\n"
                + "Content-Length: " + payload.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
        String status = line();
        int length = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Invoke API closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
