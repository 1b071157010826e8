package dev.coldbrew.runtime.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP peer on a {@link ServerSocket} that answers each request with the next scripted raw reply, so tests
 * can send exactly the malformed bytes a broken Runtime API might: cut-off heads and bodies, bad framing, closes.
 */
final class ScriptedServer implements AutoCloseable {
    record Recorded(
            int connection,
            String requestLine,
            Map<String, String> headers,
            byte[] body,
            Map<String, String> trailers) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    record Reply(byte[] bytes, boolean closeAfter) {}

    private final ServerSocket server;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Recorded> recorded = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;
    private int connections;

    ScriptedServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    RuntimeApiAddress address() {
        return new RuntimeApiAddress("127.0.0.1", server.getLocalPort());
    }

    /** Queues a raw reply; {@code closeAfter} closes the connection once it is written. */
    ScriptedServer reply(String raw, boolean closeAfter) {
        return reply(raw.getBytes(StandardCharsets.ISO_8859_1), closeAfter);
    }

    ScriptedServer reply(byte[] raw, boolean closeAfter) {
        replies.add(new Reply(raw, closeAfter));
        return this;
    }

    /** A well-formed reply with a Content-Length body. */
    ScriptedServer reply(int status, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return reply(
                "HTTP/1.1 " + status + " X\r\n" + headers + "Content-Length: " + bytes.length + "\r\n\r\n" + body,
                false);
    }

    Recorded take() throws InterruptedException {
        Recorded r = recorded.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived within 10 s");
        }
        return r;
    }

    synchronized int connections() {
        return connections;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int number;
                synchronized (this) {
                    sockets.add(socket);
                    number = ++connections;
                }
                Thread t = new Thread(() -> serve(socket, number), "scripted-connection-" + number);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Recorded request = readRequest(in, number);
                if (request == null) {
                    return;
                }
                recorded.add(request);
                Reply reply = replies.poll(10, TimeUnit.SECONDS);
                if (reply == null) {
                    return;
                }
                out.write(reply.bytes());
                out.flush();
                if (reply.closeAfter()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the peer went away or the test ended
        }
    }

    private static Recorded readRequest(InputStream in, int number) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        Map<String, String> headers = fields(in);
        byte[] body;
        Map<String, String> trailers = new LinkedHashMap<>();
        if ("chunked".equals(headers.get("transfer-encoding"))) {
            body = chunked(in, trailers);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
        }
        return new Recorded(number, requestLine, headers, body, trailers);
    }

    private static byte[] chunked(InputStream in, Map<String, String> trailers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in), 16);
            if (size == 0) {
                trailers.putAll(fields(in));
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static Map<String, String> fields(InputStream in) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            fields.put(
                    l.substring(0, colon).toLowerCase(java.util.Locale.ROOT),
                    l.substring(colon + 1).strip());
        }
        return fields;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (this) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
