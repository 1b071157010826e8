package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * A small HTTP/1.1 server (RFC 9112) for the Runtime API: one thread of {@code executor} per connection, keep-alive,
 * request bodies framed by {@code Content-Length} or chunked <em>with trailer fields</em>, replies of a fixed length
 * or chunked, one {@link HttpHandler} for every request.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: its chunked decoder ({@code sun.net.httpserver
 * .ChunkedInputStream}) decodes the body before a handler sees it and fails with {@code invalid chunk end} on any
 * trailer field, and its API gives no access to the raw body, so a streamed {@code /response} that ends with
 * Lambda's error trailers could never be read. A library that reads trailers (Jetty, Netty, Helidon) would put
 * hundreds of classes on the start-up path of every environment and of the start-up bench; this server is what the
 * Runtime API needs and no more, and it keeps the JDK's exchange API, so the server core did not change.
 */
final class Http11Server implements AutoCloseable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int BUFFER_BYTES = 16 * 1024;
    /** The {@code errorType} of a request refused before any handler saw it: its head is not HTTP/1.1. */
    static final String ERROR_BAD_REQUEST = "BadRequest";

    private final ServerSocket socket;
    private final ExecutorService executor;
    private final HttpHandler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Http11Server(ServerSocket socket, ExecutorService executor, HttpHandler handler) {
        this.socket = socket;
        this.executor = executor;
        this.handler = handler;
    }

    /** Binds {@code address} (port 0 picks a free one) and serves {@code handler} on threads of {@code executor}. */
    static Http11Server start(InetSocketAddress address, int backlog, ExecutorService executor, HttpHandler handler)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address, backlog);
        } catch (IOException e) {
            socket.close();
            throw new IOException("bind " + address + " failed: " + e.getMessage(), e);
        }
        Http11Server server = new Http11Server(socket, executor, handler);
        executor.execute(server::accept);
        return server;
    }

    /** The bound address (the real port when 0 was asked for). */
    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Stops accepting and closes every connection; a handler blocked on its socket then fails. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
        connections.forEach(Http11Server::closeQuietly);
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(connection);
            if (closed) {
                closeQuietly(connection);
                return;
            }
            try {
                executor.execute(() -> serve(connection));
            } catch (RuntimeException e) {
                closeQuietly(connection); // the executor is shutting down
                connections.remove(connection);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream(), BUFFER_BYTES);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), BUFFER_BYTES);
            InetSocketAddress local = (InetSocketAddress) connection.getLocalSocketAddress();
            InetSocketAddress remote = (InetSocketAddress) connection.getRemoteSocketAddress();
            while (!closed && exchange(in, out, local, remote)) {
                // next request on the same connection
            }
        } catch (IOException e) {
            // the peer went away, or the server closed
        } finally {
            connections.remove(connection);
        }
    }

    /** Serves one request; false when the connection must close after it (or closed before one). */
    private boolean exchange(InputStream in, OutputStream out, InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        RequestHead head;
        URI uri;
        InputStream body;
        try {
            head = RequestHead.read(in);
            if (head == null) {
                return false;
            }
            uri = uri(head.target());
            body = body(head, in);
        } catch (RequestHead.Malformed e) {
            refuse(out, 400, e.getMessage());
            return false;
        }
        if ("100-continue".equalsIgnoreCase(head.headers().getFirst("Expect"))) {
            out.write(CONTINUE);
            out.flush();
        }
        Http11Exchange exchange = new Http11Exchange(head, uri, body, out, local, remote);
        try {
            handler.handle(exchange);
        } finally {
            exchange.close();
        }
        return exchange.keepAlive();
    }

    private static URI uri(String target) throws RequestHead.Malformed {
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            throw new RequestHead.Malformed("malformed request target '" + target + "': " + e.getMessage());
        }
    }

    /** The request body as its head frames it (RFC 9112 §6.3): chunked, {@code Content-Length}, or none. */
    private static InputStream body(RequestHead head, InputStream in) throws RequestHead.Malformed {
        String transferEncoding = head.headers().getFirst("Transfer-Encoding");
        var lengths = head.headers().get("Content-Length");
        if (transferEncoding != null) {
            if (lengths != null) {
                throw new RequestHead.Malformed("both Transfer-Encoding and Content-Length");
            }
            if (!transferEncoding.strip().equalsIgnoreCase("chunked")) {
                throw new RequestHead.Malformed("unsupported Transfer-Encoding '" + transferEncoding + "'");
            }
            return new ChunkedRequestBody(in);
        }
        if (lengths == null) {
            return InputStream.nullInputStream();
        }
        if (lengths.size() != 1) {
            throw new RequestHead.Malformed("more than one Content-Length: " + lengths);
        }
        return new FixedLengthBody(in, contentLength(lengths.get(0)));
    }

    private static long contentLength(String value) throws RequestHead.Malformed {
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RequestHead.Malformed("malformed Content-Length '" + value + "'");
        }
        return Long.parseLong(digits);
    }

    private static void refuse(OutputStream out, int status, String message) throws IOException {
        byte[] body = Reply.error(status, ERROR_BAD_REQUEST, message).body();
        String head = "HTTP/1.1 " + status + " Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
